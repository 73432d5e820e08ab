/**
 * A worker thread that renders Markdown pages. The processor (and Shiki's grammars) are built once
 * per worker; pages arrive as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createMarkdownProcessor, renderPage, type RenderInput } from './markdown.ts';

const processor = createMarkdownProcessor(workerData.pipeline);

parentPort!.on('message', async (message: { id: number; input: RenderInput }) => {
  const page = await renderPage(processor, message.input);
  parentPort!.postMessage({ id: message.id, page });
});
