/**
 * CSDE's ECS entitlement file with the alliance / non-alliance split:
 * town_code, district_code, town, fiscal_year, entitlement, alliance_portion,
 * education_diversity_portion, non_alliance_portion (whole dollars, some written "123.0").
 */
import { dollarsToCents, type Cents } from '../../domain/money/cents.ts';
import type { FiscalYear } from '../../domain/time/fiscal-year.ts';
import { upsertTowns } from '../district.repository.ts';
import { upsertEcsGrants, type EcsGrant } from '../ecs.repository.ts';
import { Batcher, openTable, requireColumns, type ImportContext, type ImportCounts, type Importer } from './table.ts';

const COLUMNS = ['town_code', 'town', 'fiscal_year', 'entitlement', 'alliance_portion', 'education_diversity_portion', 'non_alliance_portion'];

/** "EAST HARTFORD" → "East Hartford". */
export function townName(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/(^|[\s-])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function money(ctx: ImportContext, raw: string, line: number, column: string, required: boolean): Cents | null | undefined {
  const text = raw.trim();
  if (text === '') {
    if (required) ctx.issues.add(line, column, 'An amount is required here.');
    return required ? undefined : null;
  }
  try {
    const c = dollarsToCents(text);
    if (c < 0) {
      ctx.issues.add(line, column, `${text} is negative; ECS amounts cannot be.`);
      return undefined;
    }
    return c;
  } catch (e) {
    ctx.issues.add(line, column, e instanceof Error ? e.message : String(e));
    return undefined;
  }
}

export const ecsImporter: Importer = {
  kind: 'ecs',
  title: 'CSDE ECS entitlements and alliance split',
  description: 'Education Cost Sharing entitlement by town and fiscal year, with CSDE\'s alliance / education-diversity / non-alliance split where published.',
  detect: (_preamble, header) => header.includes('entitlement') && header.includes('alliance_portion'),

  async run(ctx): Promise<ImportCounts> {
    const table = await openTable(ctx.source, (cells) => cells.includes('town_code') && cells.includes('entitlement'), 'a header with town_code, fiscal_year and entitlement');
    const { header } = table;
    await requireColumns(ctx, table, COLUMNS);
    const notes: string[] = [];
    const towns = new Map<number, string>();
    const seen = new Set<string>();
    const batch = new Batcher<EcsGrant>(1000, (items) => upsertEcsGrants(ctx.db, items, ctx.importId));
    for await (const { line, cells } of table.rows) {
      if (cells.every((c) => c.trim() === '')) continue;
      const townCodeText = header.cell(cells, 'town_code');
      const townCode = Number(townCodeText);
      if (!/^\d{1,3}$/.test(townCodeText) || townCode < 1 || townCode > 169) {
        ctx.issues.add(line, 'town_code', `"${townCodeText}" is not a Connecticut town number (1-169).`);
        continue;
      }
      const districtText = header.cell(cells, 'district_code');
      if (header.has('district_code') && districtText !== '' && Number(districtText) !== townCode) {
        ctx.issues.add(line, 'district_code', `"${districtText.slice(0, 20)}" should be the town number ${townCode}: ECS is paid to towns, and this file numbers a town's district by its town.`);
        continue;
      }
      const fyText = header.cell(cells, 'fiscal_year');
      const fy = Number(fyText);
      if (!/^\d{4}$/.test(fyText) || fy < 1990 || fy > 2100) {
        ctx.issues.add(line, 'fiscal_year', `"${fyText}" is not a fiscal year (e.g. 2025).`);
        continue;
      }
      const key = `${townCode}:${fy}`;
      if (seen.has(key)) {
        ctx.issues.add(line, 'fiscal_year', `Town ${townCode} appears twice for FY${fy}.`);
        continue;
      }
      seen.add(key);
      const name = header.cell(cells, 'town');
      if (!name) {
        ctx.issues.add(line, 'town', 'The town name is empty.');
        continue;
      }
      towns.set(townCode, townName(name));
      const entitlement = money(ctx, header.cell(cells, 'entitlement'), line, 'entitlement', true);
      const alliance = money(ctx, header.cell(cells, 'alliance_portion'), line, 'alliance_portion', false);
      const diversity = money(ctx, header.cell(cells, 'education_diversity_portion'), line, 'education_diversity_portion', false);
      const nonAlliance = money(ctx, header.cell(cells, 'non_alliance_portion'), line, 'non_alliance_portion', false);
      if (entitlement == null || alliance === undefined || diversity === undefined || nonAlliance === undefined) continue;
      if ((alliance === null) !== (nonAlliance === null)) {
        ctx.issues.add(line, alliance === null ? 'alliance_portion' : 'non_alliance_portion', 'The split needs both the alliance and the non-alliance portion, or neither.');
        continue;
      }
      if (alliance !== null && nonAlliance !== null) {
        const parts = alliance + (diversity ?? 0) + nonAlliance;
        if (parts !== entitlement) {
          const diff = (entitlement - parts) / 100;
          if (Math.abs(diff) > 1) {
            ctx.issues.add(line, 'non_alliance_portion', `The portions add up to $${(parts / 100).toFixed(2)}, not the entitlement $${(entitlement / 100).toFixed(2)}.`);
            continue;
          }
          notes.push(`line ${line}: ${townName(name)} FY${fy}: the published portions add up to $${Math.abs(diff).toFixed(2)} ${diff > 0 ? 'less' : 'more'} than the entitlement; stored as published.`);
        }
      }
      await batch.push({
        townCode,
        fiscalYear: fy as FiscalYear,
        entitlementCents: entitlement,
        published: alliance === null || nonAlliance === null ? null : { allianceCents: alliance, educationDiversityCents: diversity, nonAllianceCents: nonAlliance },
      });
    }
    ctx.issues.check();
    await batch.drain();
    await upsertTowns(ctx.db, [...towns].map(([code, name]) => ({ code, name })));
    return { rows: batch.written, skipped: 0, notes };
  },
};
