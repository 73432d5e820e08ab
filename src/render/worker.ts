/**
 * A worker thread that renders Markdown pages. The processor (and Shiki's grammars) are built once
 * per worker; pages arrive as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createMarkdownProcessor, renderPage, type RenderInput } from './markdown.ts';

const processor = createMarkdownProcessor(workerData.pipeline);

// Pages arrive several at a time (render.ts keeps a queue filled); they render one after another,
// so only one page's trees are in memory at once.
let queue = Promise.resolve();
parentPort!.on('message', (message: { id: number; input: RenderInput }) => {
  queue = queue.then(async () => {
    const page = await renderPage(processor, message.input);
    parentPort!.postMessage({ id: message.id, page });
  });
});
