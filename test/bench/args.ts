// The bench's command-line flags: `--flag VALUE` and positive numbers with a default.

export function flagReader(argv: readonly string[]): { get(flag: string): string | undefined; num(flag: string, dflt: number): number } {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (flag: string, dflt: number) => {
    const v = Number(get(flag));
    return Number.isFinite(v) && v > 0 ? v : dflt;
  };
  return { get, num };
}
