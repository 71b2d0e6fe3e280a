/**
 * Every importer by kind, and detection of a file's kind from its title lines and header.
 */
import { accountabilitySummaryImporter } from './accountability-summary.ts';
import { designationsImporter } from './designations.ts';
import { directoryImporter } from './directory.ts';
import { ecsImporter } from './ecs.ts';
import { edsightImporter } from './edsight.ts';
import { enrollmentDemographicsImporter } from './enrollment-demographics.ts';
import { graduationImporter } from './graduation.ts';
import { measuresImporter } from './measures.ts';
import { ngasImporter } from './ngas.ts';
import { smarterBalancedImporter } from './smarter-balanced.ts';
import type { Importer } from './table.ts';

export const IMPORTERS: readonly Importer[] = [
  ngasImporter,
  smarterBalancedImporter,
  edsightImporter,
  ecsImporter,
  directoryImporter,
  designationsImporter,
  enrollmentDemographicsImporter,
  accountabilitySummaryImporter,
  graduationImporter,
  measuresImporter,
];

export function importerFor(kind: string): Importer | undefined {
  return IMPORTERS.find((i) => i.kind === kind);
}

export type { Importer, ImportContext, ImportCounts } from './table.ts';
export { ImportFailure, formatIssue, type ImportIssue } from './issues.ts';
