/**
 * The open-data API, /api/v1/…: the same figures the pages show, as JSON, CSV or Excel. No key
 * is needed; the server's rate limit stops scraping loops, not researchers. Errors are JSON with
 * the status and the reason.
 */
import ExcelJS from 'exceljs';
import { csv } from '../../src/cli/format.ts';
import { districtCode } from '../../src/domain/district.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { fiscalYear, parseFiscalYear, schoolYear, type FiscalYear } from '../../src/domain/time/fiscal-year.ts';
import { offRampFor } from '../../src/services/support/off-ramp.ts';
import { headlineFor } from '../../src/services/outcomes.service.ts';
import { evaluationReport } from '../../src/services/evaluation-report.service.ts';
import { evaluationSeries, evaluationTable } from '../../src/services/evaluation.service.ts';
import { MEMBERSHIPS, type Membership } from '../../src/domain/outcomes/pooled.ts';
import { measuresByName } from '../../src/data/measure.repository.ts';
import { listRulesets } from '../../src/domain/law/catalog.ts';
import { formatCitation } from '../../src/domain/rules/citation.ts';
import { runDesignation } from '../../src/services/designation.service.ts';
import { runWithholding } from '../../src/services/withholding.service.ts';
import { filterAndSort, parseDistrictQuery } from './district-query.ts';
import { districtData, districtsData, scenarioData } from './public.server.ts';
import { designationJson, designationRows, designationTable, officialJson, officialRows, officialTable, withholdingJson, withholdingRows, withholdingTable } from '../../src/services/result-views.ts';
import { currentFiscalYear, officialList } from '../../src/services/public.service.ts';
import { readForm } from './scenario-query.ts';
import { toScenario } from './scenario-query.server.ts';
import { cached } from './store.server.ts';

export const ATTRIBUTION =
  'Data: Connecticut State Department of Education (EdSight, data.ct.gov, ECS grant files), compiled by edbot317-source/public-CT-ed-data (CC-BY-4.0), CT-Data-Collaborative/edsight-data (ODC-By) and darrentweng/CTSchoolPerformance15-22 (MIT). Rules: C.G.S. § 10-262u as amended. See /about.';

type Format = 'json' | 'csv' | 'xlsx';
type Table = { columns: string[]; rows: (string | number | boolean | null)[][] };

export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function errorResponse(status: number, message: string): Response {
  return Response.json({ error: { status, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

async function xlsx(name: string, table: Table): Promise<Response> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Alliance Districts';
  const ws = wb.addWorksheet(name.slice(0, 31));
  ws.addRow(table.columns).font = { bold: true };
  for (const r of table.rows) ws.addRow(r.map((v) => (typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v)));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const about = wb.addWorksheet('About');
  about.addRow(['Source and licence']);
  about.addRow([ATTRIBUTION]);
  const buffer = await wb.xlsx.writeBuffer();
  return new Response(buffer as ArrayBuffer, {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${name}.xlsx"`,
    },
  });
}

async function respond(name: string, format: Format, json: unknown, table: () => Table): Promise<Response> {
  if (format === 'json') return Response.json({ attribution: ATTRIBUTION, ...(json as object) });
  const t = table();
  if (format === 'csv') {
    return new Response(csv(t.columns, t.rows), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` },
    });
  }
  return xlsx(name, t);
}

function split(path: string): { parts: string[]; format: Format } {
  const m = /^(.*?)(?:\.(json|csv|xlsx))?$/.exec(path)!;
  return { parts: m[1]!.split('/').filter(Boolean), format: (m[2] as Format | undefined) ?? 'json' };
}

/** ?membership=ever|that-year|cohort (&cohort=2013): who counts as alliance in the evaluation. */
function membershipParam(q: URLSearchParams): Membership {
  const kind = q.get('membership') || 'ever';
  if (kind === 'ever' || kind === 'that-year') return { kind };
  if (kind !== 'cohort') throw new ApiError(400, `membership must be one of ${MEMBERSHIPS.join(', ')} (got "${kind.slice(0, 40)}").`);
  const raw = q.get('cohort');
  if (!raw) throw new ApiError(400, 'membership=cohort needs the cohort\'s first fiscal year, e.g. &cohort=2013.');
  try {
    return { kind, firstFiscalYear: fiscalYear(parseFiscalYear(raw)) };
  } catch (e) {
    throw new ApiError(400, `cohort: ${(e as Error).message}`);
  }
}

function schoolYearParam(params: URLSearchParams, name: string) {
  const v = params.get(name);
  if (!v) return undefined;
  try {
    return schoolYear(v);
  } catch (e) {
    throw new ApiError(400, (e as Error).message);
  }
}

export async function handleApi(request: Request, path: string): Promise<Response> {
  const url = new URL(request.url);
  const q = url.searchParams;
  const { parts, format } = split(path);
  try {
    const [resource, id, sub] = parts;
    switch (resource) {
      case 'districts': {
        if (!id) {
          let query;
          try {
            query = parseDistrictQuery(q);
          } catch (e) {
            throw new ApiError(400, String((e as { data?: unknown }).data ?? e));
          }
          const { fiscalYear: fy, rows } = await districtsData();
          const list = filterAndSort(rows, query);
          return respond(`districts-FY${fy}`, format, { fiscalYear: fy, districts: list }, () => ({
            columns: ['districtCode', 'name', 'orgType', 'townCode', 'accountabilityIndex', 'indexYear', 'rank', 'enrollment', 'enrollmentYear', 'allianceDistrict', 'firstDesignatedFiscalYear', `withheldCentsFY${fy}`],
            rows: list.map((r) => [r.code, r.name, r.orgType, r.townCode, r.index, r.indexYear, r.rank, r.enrollment, r.enrollmentYear, r.alliance, r.firstFiscalYear, r.withheldCents]),
          }));
        }
        if (!/^\d{7}$/.test(id)) throw new ApiError(404, `There is no district with code "${id.slice(0, 20)}" (codes have 7 digits).`);
        const profile = await districtData(districtCode(id));
        if (!profile) throw new ApiError(404, `There is no district with code ${id}.`);
        if (sub === 'measures') {
          const rows = Object.entries(profile.measures).flatMap(([measure, values]) => values.map((v) => ({ measure, schoolYear: v.schoolYear, value: v.value })));
          return respond(`district-${id}-measures`, format, { districtCode: id, measures: rows }, () => ({ columns: ['measure', 'schoolYear', 'value'], rows: rows.map((r) => [r.measure, r.schoolYear, r.value]) }));
        }
        if (sub === 'plans') {
          // Each approved plan's spending by funding area and its goals' progress, in long form.
          const rows = profile.plans.flatMap((p) => [
            ...(p.spending?.byArea ?? []).map((a) => [p.fiscalYear, 'spending', a.area, a.budgetedCents, a.spentCents, a.spentShare, p.spending!.asOf, null, null, null, null, null]),
            ...p.progress.map((g) => [p.fiscalYear, 'goal', g.description, null, null, null, g.latest?.asOf ?? null, g.baseline, g.target, g.latest?.value ?? null, g.status, g.latest ? `${g.latest.source}${g.latest.note ? `: ${g.latest.note}` : ''}` : null]),
          ]);
          return respond(`district-${id}-plans`, format, { districtCode: id, plans: profile.plans }, () => ({
            columns: ['fiscalYear', 'kind', 'item', 'budgetedCents', 'spentCents', 'spentShare', 'asOf', 'baseline', 'target', 'value', 'status', 'source'],
            rows,
          }));
        }
        if (sub) throw new ApiError(404, `Unknown resource "${sub}" under districts/${id}.`);
        return respond(`district-${id}`, format, { district: profile }, () => ({
          columns: ['fiscalYear', 'entitlementCents', 'allianceCents', 'baseFiscalYear'],
          rows: profile.money.map((m) => [m.fiscalYear, m.entitlementCents, m.allianceCents, m.baseFiscalYear]),
        }));
      }
      case 'measures': {
        const measure = q.get('measure');
        if (!measure || !/^[a-z][a-z0-9_.]{0,63}$/.test(measure)) throw new ApiError(400, 'Give a measure, e.g. ?measure=accountability_index (see /api/docs for the list).');
        const year = schoolYearParam(q, 'schoolYear');
        const rows = (await cached(`measure:${measure}`, (store) => measuresByName(store.db, [measure]))).filter((m) => !year || m.schoolYear === year);
        return respond(`measure-${measure}${year ? `-${year}` : ''}`, format, { measure, schoolYear: year ?? null, values: rows }, () => ({
          columns: ['districtCode', 'schoolYear', 'measure', 'value'],
          rows: rows.map((r) => [r.districtCode, r.schoolYear, r.measure, r.value]),
        }));
      }
      case 'designations': {
        if (id === 'official') {
          // The record: the official list for a fiscal year (default: this one).
          const raw = q.get('fiscalYear');
          let fy: FiscalYear;
          try {
            fy = raw ? fiscalYear(parseFiscalYear(raw)) : currentFiscalYear();
          } catch (e) {
            throw new ApiError(400, (e as Error).message);
          }
          const official = await cached(`api-official:${fy}`, (store) => officialList(store, fy));
          if (!official) throw new ApiError(404, `No Act designates alliance districts for FY${fy}, so there is no official list for it.`);
          const rows = officialRows(official.list, official.names);
          return respond(`official-designations-FY${fy}`, format, officialJson(official.list, official.names), () => officialTable(rows));
        }
        if (id) throw new ApiError(404, `Unknown resource "designations/${id.slice(0, 40)}" (see /api/docs).`);
        // A computation: a law applied to a year's data, labelled as such (the record is /designations/official).
        const law = q.get('law') || 'pa-22-118';
        const dataYear = schoolYearParam(q, 'dataYear');
        const run = await cached(`api-designation:${law}:${dataYear ?? ''}`, (store) => runDesignation(store, { law, ...(dataYear ? { dataYear } : {}), record: false }));
        const trace = q.get('trace') === '1';
        return respond(`designations-${run.ruleset.id}-${run.dataYear}`, format, { ...designationJson(run, { trace }), official: '/api/v1/designations/official' }, () => designationTable(designationRows(run)));
      }
      case 'outcomes': {
        if (id !== 'headline') throw new ApiError(404, `Unknown resource "outcomes/${(id ?? '').slice(0, 40)}" (see /api/docs).`);
        const year = schoolYearParam(q, 'schoolYear');
        const h = await cached(`api-outcomes:${year ?? ''}`, (store) => headlineFor(store, year));
        return respond(`alliance-enrollment-${h.schoolYear}`, format, h, () => ({
          columns: ['schoolYear', 'group', 'alliance', 'state', 'shareOfState', 'stateShare', 'allianceDistrictsAbove', 'allianceDistrictsCounted'],
          rows: [[h.schoolYear, 'all students', h.enrollment.alliance, h.enrollment.state, h.enrollment.share, null, null, h.allianceDistricts], ...h.groups.map((g) => [h.schoolYear, g.group, g.alliance, g.state, g.shareOfState, g.stateShare, g.districtsAbove, g.districtsCounted])],
        }));
      }
      case 'evaluation': {
        // A computation: pooled rates of the alliance districts and the others, by year (issue 10).
        if (id && id !== 'report') throw new ApiError(404, `Unknown resource "evaluation/${id.slice(0, 40)}" (see /api/docs).`);
        const measure = q.get('measure') || 'graduation_4yr';
        const year = (name: string): FiscalYear | undefined => {
          const raw = q.get(name);
          if (!raw) return undefined;
          try {
            return fiscalYear(parseFiscalYear(raw));
          } catch (e) {
            throw new ApiError(400, `${name}: ${(e as Error).message}`);
          }
        };
        const from = year('from');
        const to = year('to');
        const membership = membershipParam(q);
        if (id === 'report') {
          // The whole report: every measure (or those named), the periods, ECS withheld per student, the rank-cutoff statement.
          if (format !== 'json') throw new ApiError(400, 'The report is JSON here; /evaluation/report is the same as a document, and evaluation.csv gives one measure as a table.');
          const measures = (q.get('measures') ?? '').split(',').map((m) => m.trim()).filter(Boolean);
          const r = await cached(`api-evaluation-report:${measures.join(',')}:${from ?? ''}:${to ?? ''}:${JSON.stringify(membership)}`, (store) => evaluationReport(store, { measures, ...(from ? { from } : {}), ...(to ? { to } : {}), membership }));
          return Response.json({ attribution: ATTRIBUTION, ...r });
        }
        const s = await cached(`api-evaluation:${measure}:${from ?? ''}:${to ?? ''}:${JSON.stringify(membership)}`, (store) => evaluationSeries(store, { measure, ...(from ? { from } : {}), ...(to ? { to } : {}), membership }));
        return respond(`evaluation-${s.measure.id}-FY${s.from}-FY${s.to}`, format, s, () => evaluationTable(s));
      }
      case 'off-ramp': {
        // A proposal's computation: each alliance district's distance to exit, and what the exits would no longer withhold.
        const raw = q.get('fiscalYear');
        let fy: FiscalYear;
        try {
          fy = raw ? fiscalYear(parseFiscalYear(raw)) : currentFiscalYear();
        } catch (e) {
          throw new ApiError(400, (e as Error).message);
        }
        const run = await cached(`api-off-ramp:${fy}`, (store) => offRampFor(store, fy));
        const trace = q.get('trace') === '1';
        return respond(`off-ramp-FY${fy}`, format, { kind: 'computation', fiscalYear: fy, law: run.law, dataYears: run.dataYears, effect: run.effect, districts: run.rows.map((r) => ({ districtCode: r.districtCode, name: r.districtName, exits: r.exits, criteria: r.criteria, allianceCents: r.allianceCents, ...(trace ? { trace: r.trace } : {}) })) }, () => ({
          columns: ['districtCode', 'name', 'exits', 'yearsOutOfLowest', 'yearsOutOfLowestNeeded', 'yearsTargetsMet', 'yearsTargetsMetNeeded', 'allianceCents'],
          rows: run.rows.map((r) => [r.districtCode, r.districtName, r.exits, r.criteria[0]!.have, r.criteria[0]!.need, r.criteria[1]!.have, r.criteria[1]!.need, r.allianceCents]),
        }));
      }
      case 'withholding': {
        const raw = q.get('fiscalYear');
        if (!raw) throw new ApiError(400, 'Give a fiscal year, e.g. ?fiscalYear=2026.');
        let fy;
        try {
          fy = parseFiscalYear(raw);
        } catch (e) {
          throw new ApiError(400, (e as Error).message);
        }
        const run = await cached(`api-withholding:${fy}`, (store) => runWithholding(store, fiscalYear(fy)));
        return respond(`withholding-FY${fy}`, format, withholdingJson(run, { trace: q.get('trace') === '1' }), () => withholdingTable(withholdingRows(run)));
      }
      case 'scenarios': {
        const scenario = toScenario(readForm(new URLSearchParams([...q.entries(), ['run', '1']])));
        if (!scenario.ok) throw new ApiError(400, `The scenario is not valid: ${scenario.issues.join('; ')}`);
        const dataYear = schoolYearParam(q, 'dataYear');
        const baseline = q.get('baseline') === 'rerun' ? 'rerun' : 'official';
        let view;
        try {
          view = await scenarioData(scenario.spec, dataYear, baseline);
        } catch (e) {
          const err = e as { data?: unknown; init?: { status?: number } };
          if (typeof err.data === 'string') throw new ApiError(err.init?.status ?? 400, err.data);
          throw e;
        }
        if (!view.run) throw new ApiError(404, view.missing?.message ?? 'The data this scenario needs is not in the database.');
        const run = view.run;
        return respond('scenario', format, { scenario: scenario.spec, result: run, baseline: { kind: view.baseline === 'rerun' ? 'computation' : 'record', official: view.official, rerun: view.base }, comparison: view.comparison, trace: view.trace }, () => ({
          columns: ['districtCode', 'name', 'rank', 'accountabilityIndex', 'enrollment', 'eligible', 'designated', 'basis', 'firstDesignatedFiscalYear'],
          rows: run.districts.map((d) => [d.code, d.name, d.rank, d.index, d.enrollment, d.eligible, d.designated, d.basis, d.firstDesignatedFiscalYear]),
        }));
      }
      case 'laws': {
        const list = listRulesets().map((r) => ({ ...r, citation: formatCitation(r.cite) }));
        return respond('laws', format, { laws: list }, () => ({
          columns: ['id', 'title', 'status', 'from', 'until', 'citation'],
          rows: list.map((r) => [r.id, r.title, r.status, r.period.from, r.period.until, r.citation]),
        }));
      }
      default:
        throw new ApiError(404, `There is no API resource "${parts.join('/') || '(none)'}". See /api/docs.`);
    }
  } catch (e) {
    if (e instanceof ApiError) return errorResponse(e.status, e.message);
    if (e instanceof DomainError) return errorResponse(e.code === 'missing_data' ? 404 : 400, e.message);
    throw e;
  }
}
