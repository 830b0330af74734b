// The one file the command line writes besides the index cache: a report page `sourced report -o` was
// asked for, written whole (temp file + rename), so an interrupted run leaves no half-written page.

import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

export async function writeReportFile(file: string, text: string): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fsp.writeFile(tmp, text);
    await fsp.rename(tmp, file);
  } catch (err) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}
