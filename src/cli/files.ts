/** Reading a file a person names on the command line: JSON or YAML, with the error said plainly. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { UsageError } from './context.ts';

/** The file's value (YAML by its .yml/.yaml name, else JSON); a UsageError naming the file if it cannot be read. */
export function readJsonOrYaml(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read the ${what} file ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (e as Error).message}`);
  }
  const yaml = /\.ya?ml$/i.test(path);
  try {
    return yaml ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new UsageError(`The ${what} file ${path} is not valid ${yaml ? 'YAML' : 'JSON'}: ${(e as Error).message}`);
  }
}
