// The slice of mocha's API the suite uses. Mocha is not a project dependency: scripts/e2e installs it
// under .e2e-work/tools/mocha and bundles the suite there, so `require('mocha')` resolves at run time.

export interface MochaTest {
  fullTitle(): string;
}

export interface MochaRunner {
  stats?: { passes: number; failures: number };
  on(event: 'pass', fn: (test: MochaTest) => void): this;
  on(event: 'fail', fn: (test: MochaTest, err: unknown) => void): this;
}

export interface Mocha {
  addFile(file: string): void;
  run(done: (failures: number) => void): MochaRunner;
}

export type MochaConstructor = new (options: { ui: 'tdd'; timeout: number; color: boolean; bail?: boolean }) => Mocha;

/** `this` of a running test: `skip()` marks it skipped and stops it. */
type Body = (this: { skip(): never }) => void | Promise<void>;

/** Mocha's TDD interface, installed on globalThis while mocha loads each test file. */
interface TddGlobals {
  suite(title: string, fn: () => void): void;
  test(title: string, fn: Body): void;
  suiteSetup(fn: Body): void;
  suiteTeardown(fn: Body): void;
}

const tdd = () => globalThis as unknown as TddGlobals;

export const suite = (title: string, fn: () => void) => tdd().suite(title, fn);
export const test = (title: string, fn: Body) => tdd().test(title, fn);
export const suiteSetup = (fn: Body) => tdd().suiteSetup(fn);
export const suiteTeardown = (fn: Body) => tdd().suiteTeardown(fn);
