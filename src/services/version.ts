/**
 * The code version stored with every rule run, so a result can be traced to the code that made it.
 */
import pkg from '../../package.json' with { type: 'json' };

export const CODE_VERSION: string = `${pkg.name}@${pkg.version}`;
