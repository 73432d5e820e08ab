/** Builds the fixture site once for every test file that needs it. */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildFixture, ROOT } from './browser.ts';

export default function setup(project: TestProject) {
  const built = buildFixture(path.join(ROOT, 'test/fixtures/basic'));
  if (built.status !== 0) throw new Error(`The fixture site did not build:\n${built.stdout}\n${built.stderr}`);
  project.provide('basicOut', built.out);
  project.provide('basicBuildOutput', built.stdout + built.stderr);
  const guide = buildFixture(path.join(ROOT, 'content'));
  if (guide.status !== 0) throw new Error(`The bundled guide did not build:\n${guide.stdout}\n${guide.stderr}`);
  project.provide('guideOut', guide.out);
}

declare module 'vitest' {
  export interface ProvidedContext {
    basicOut: string;
    basicBuildOutput: string;
    guideOut: string;
  }
}
