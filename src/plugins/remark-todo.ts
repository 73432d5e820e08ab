/**
 * `:::todo` marks unfinished writing. It renders as a visible "Help wanted" note with an anchor
 * (`#todo-1`, `#todo-2` …) and is recorded in `file.data.todos` for the /todo/ page. With
 * `show: false` (site.yaml `options.showTodos: false`) the notes are removed from the output.
 */
import type { Paragraph, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from '../lib/visit.ts';
import type { VFile } from 'vfile';
import { translator } from '../i18n/index.ts';
import type { Todo } from '../lib/rendered.ts';
import type { DirectiveDescriptor } from './types.ts';

export interface Options {
  show?: boolean;
  /** The site's language (site.yaml `lang`), for the note's title. */
  lang?: string;
}

export type { Todo };

declare module 'vfile' {
  interface DataMap {
    todos: Todo[];
  }
}

/** remark plugin: renders and collects `:::todo` notes. */
export default function remarkTodo(options: Options = {}) {
  const show = options.show ?? true;
  const t = translator(options.lang);
  const [labelBefore, labelAfter] = t.around('todo.titleWithLabel', 'label');
  return (tree: Root, file: VFile) => {
    const todos: Todo[] = [];
    visit(tree, 'containerDirective', (node: ContainerDirective, index, parent) => {
      if (node.name !== 'todo' || !parent || index === undefined) return undefined;
      if (!show) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const id = `todo-${todos.length + 1}`;
      const first = node.children[0];
      const labelled = first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel;
      const body = labelled ? node.children.slice(1) : node.children;
      const text = toString({ type: 'root', children: body } as Root).replace(/\s+/g, ' ').trim();
      todos.push({ id, line: node.position?.start.line ?? 0, text });
      node.data = { hName: 'aside', hProperties: { className: ['todo'], id, ariaLabel: t('todo.title') } };
      node.children = [
        {
          type: 'paragraph',
          data: { hName: 'p', hProperties: { className: ['admonition-title'] } },
          children: labelled
            ? [{ type: 'text', value: labelBefore }, ...(first as Paragraph).children, ...(labelAfter ? [{ type: 'text' as const, value: labelAfter }] : [])]
            : [{ type: 'text', value: t('todo.title') }],
        },
        ...body,
      ];
      return undefined;
    });
    file.data.todos = todos;
  };
}

/** The directives this plugin handles (src/plugins/types.ts). */
export const directives: DirectiveDescriptor[] = [{ name: 'todo', form: ':::todo' }];
