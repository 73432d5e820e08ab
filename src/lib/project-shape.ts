/**
 * What a folder passed as `--content` is, so that a folder devguide cannot build as is gets a
 * message that names what it looks like (a Docusaurus site, a Sphinx project …) and what to pass
 * instead, rather than a list of missing files.
 */
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { parse, TomlError } from 'smol-toml';

/** What `describeFolder` found. */
export type FolderShape =
  /** A devguide content folder: it has `guides/` or `site.yaml`. */
  | { kind: 'devguide' }
  /** An mdBook: `book.toml`, its pages in `src` (relative to the folder). */
  | { kind: 'mdbook'; src: string; title?: string }
  /** An Astro Starlight site: its Markdown is in `suggestion`. */
  | { kind: 'starlight'; suggestion: 'src/content/docs' }
  /** A Docusaurus site: its Markdown is in `suggestion`. */
  | { kind: 'docusaurus'; suggestion: 'docs' }
  /** A Sphinx project, written in reStructuredText; `suggestion` is the folder of conf.py ('.' for the folder itself). */
  | { kind: 'sphinx'; suggestion: string; rst: number }
  /** A folder of Markdown: `count` .md files at any depth. */
  | { kind: 'markdown'; count: number }
  /** No Markdown at all; `found` names a few notable things it does hold, such as ".rst files: 12". */
  | { kind: 'empty'; found: string[] }
  /** Nothing, or a file, at that path. */
  | { kind: 'missing'; isFile: boolean };

/** What `readBookToml` reads of an mdBook's book.toml; `error` when the file cannot be read or parsed. */
export interface BookToml {
  title?: string;
  src?: string;
  authors?: string[];
  error?: string;
}

/** The `[book]` table of an mdBook's book.toml: title, source folder and authors. */
export function readBookToml(file: string): BookToml {
  let toml: Record<string, unknown>;
  try {
    toml = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof TomlError) return { error: `${file}:${error.line}:${error.column}: ${error.message.split('\n')[0]}` };
    return { error: `${file}: ${(error as Error).message}` };
  }
  const book = isTable(toml.book) ? toml.book : {};
  const authors = Array.isArray(book.authors) ? book.authors.filter((a): a is string => typeof a === 'string') : undefined;
  return {
    ...(typeof book.title === 'string' ? { title: book.title } : {}),
    ...(typeof book.src === 'string' ? { src: book.src } : {}),
    ...(authors ? { authors } : {}),
  };
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ASTRO_CONFIGS = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs'];
const DOCUSAURUS_CONFIGS = ['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs', 'docusaurus.config.cjs', 'docusaurus.config.mts'];
/** Where sphinx-quickstart and common layouts put conf.py. */
const SPHINX_FOLDERS = ['.', 'source', 'docs', 'doc', 'docs/source', 'doc/source'];
/** Kinds of files worth naming when a folder holds no Markdown, in the order they are named. */
const NOTABLE_EXTENSIONS = ['.mdx', '.rst', '.adoc', '.asciidoc', '.org', '.ipynb', '.html', '.txt'];
const NOTABLE_FILES = ['package.json', 'pyproject.toml', 'Cargo.toml', 'mkdocs.yml'];

/** Says what the folder `dir` is: a devguide content folder, another tool's project, plain Markdown, or nothing to build. */
export function describeFolder(dir: string): FolderShape {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return { kind: 'missing', isFile: Boolean(stat) };
  const has = (name: string) => existsSync(path.join(dir, name));
  const isDir = (name: string) => statSync(path.join(dir, name), { throwIfNoEntry: false })?.isDirectory() ?? false;

  if (isDir('guides') || has('site.yaml')) return { kind: 'devguide' };
  if (has('book.toml')) {
    const book = readBookToml(path.join(dir, 'book.toml'));
    return { kind: 'mdbook', src: book.src ?? 'src', ...(book.title ? { title: book.title } : {}) };
  }
  const astroConfig = ASTRO_CONFIGS.find(has);
  if ((astroConfig && /starlight/i.test(readFileSync(path.join(dir, astroConfig), 'utf8'))) || isDir('src/content/docs')) {
    return { kind: 'starlight', suggestion: 'src/content/docs' };
  }
  if (DOCUSAURUS_CONFIGS.some(has)) return { kind: 'docusaurus', suggestion: 'docs' };
  const files = filesByExtension(dir);
  const sphinx = SPHINX_FOLDERS.find((folder) => has(path.join(folder, 'conf.py')) && has(path.join(folder, 'index.rst')));
  if (sphinx) return { kind: 'sphinx', suggestion: sphinx, rst: files.get('.rst') ?? 0 };
  const markdown = files.get('.md') ?? 0;
  if (markdown) return { kind: 'markdown', count: markdown };
  const found = [
    ...NOTABLE_EXTENSIONS.filter((ext) => files.has(ext)).map((ext) => `${ext} files: ${files.get(ext)}`),
    ...NOTABLE_FILES.filter(has).map((name) => `a ${name}`),
  ];
  return { kind: 'empty', found };
}

/**
 * How many files of each extension (lower case) the folder holds at any depth, leaving out what no
 * one writes by hand: node_modules, .git and other hidden folders, and the `book/` mdBook builds
 * next to its book.toml.
 */
function filesByExtension(dir: string, counts = new Map<string, number>()): Map<string, number> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return counts; // An unreadable subfolder says nothing about the shape of the rest.
  }
  const isBook = entries.some((e) => e.isFile() && e.name === 'book.toml');
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || (isBook && entry.name === 'book')) continue;
      filesByExtension(path.join(dir, entry.name), counts);
    } else if (entry.isFile()) {
      const ext = path.extname(entry.name).toLowerCase();
      if (ext) counts.set(ext, (counts.get(ext) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The message and hint for a folder that cannot be built as is, for `dir` as the user typed it;
 * `undefined` for the shapes devguide builds (its own folders, an mdBook, plain Markdown).
 */
export function shapeMessage(shape: FolderShape, dir: string): { message: string; hint: string } | undefined {
  const inside = (sub: string) => (sub === '.' ? dir : path.join(dir, sub));
  switch (shape.kind) {
    case 'devguide':
    case 'mdbook':
    case 'markdown':
      return undefined;
    case 'starlight':
      return {
        message: `${dir} looks like an Astro Starlight project; its Markdown is in ${shape.suggestion}/.`,
        hint: `Pass --content ${inside(shape.suggestion)}.`,
      };
    case 'docusaurus':
      return {
        message: `${dir} looks like a Docusaurus project; its Markdown is in ${shape.suggestion}/.`,
        hint: `Pass --content ${inside(shape.suggestion)}.`,
      };
    case 'sphinx':
      return {
        message: `${dir} looks like a Sphinx project (conf.py and index.rst${shape.suggestion === '.' ? '' : ` in ${shape.suggestion}/`}, ${plural(shape.rst, '.rst file')}); devguide reads Markdown, not reStructuredText.`,
        hint: `Convert the pages to Markdown (for example \`pandoc -f rst -t gfm page.rst -o page.md\`), then pass --content ${inside(shape.suggestion)}.`,
      };
    case 'empty':
      return {
        message: `${dir} holds no Markdown (.md) files.${shape.found.length ? ` Found: ${shape.found.join(', ')}.` : ''}`,
        hint: emptyHint(shape.found),
      };
    case 'missing':
      return shape.isFile
        ? { message: `${dir} is a file, not a folder.`, hint: 'Pass --content the folder that holds your Markdown guides.' }
        : { message: `${dir} does not exist.`, hint: 'Pass --content the folder that holds your Markdown guides, relative to where you run the command.' };
  }
}

function emptyHint(found: readonly string[]): string {
  const holds = (ext: string) => found.some((f) => f.startsWith(`${ext} files:`));
  const convert = holds('.mdx')
    ? 'devguide reads .md files, not MDX: rename the .mdx pages that use no components to .md. '
    : holds('.rst')
      ? 'devguide reads Markdown, not reStructuredText: convert the pages (for example with `pandoc -f rst -t gfm`). '
      : '';
  return `${convert}Pass --content the folder that holds your Markdown guides (.md files, at any depth).`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
