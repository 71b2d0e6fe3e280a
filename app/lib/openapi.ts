/**
 * The OpenAPI description of the open-data API, served at /api/openapi.json and rendered as a
 * readable reference at /api/docs.
 */
const csvXlsx = 'Add .csv or .xlsx to the path for a spreadsheet of the same list.';

const errors = {
  '400': { description: 'A parameter is not valid; the body says which and why.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '404': { description: 'No such district, or no data for the year asked.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '429': { description: 'Too many requests from one address; wait the Retry-After seconds.' },
};

const workflowErrors = {
  '400': { description: 'The action is not valid as sent; the message says why.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '401': { description: 'Not signed in (no session and no valid token).' },
  '403': { description: 'Your roles do not allow this on this district\'s plan.' },
  '404': { description: 'No such plan.' },
  '409': { description: 'The plan changed since you read it (the body lists what changed), or the action is not open at this stage.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Alliance Districts open data',
    version: '1.0.0',
    description:
      'Connecticut\'s alliance districts: designations under each enacted law and proposal, with the reasons; ECS withholding by town and fiscal year; district measures. No key is needed. Money is in integer cents. Every response names its sources and licences.',
    license: { name: 'Data: CC-BY-4.0, ODC-By and MIT sources — see /about' },
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/v1/districts': {
      get: {
        summary: 'Every district with its index, rank, enrollment and alliance status',
        description: `The districts table. ${csvXlsx}`,
        parameters: [
          { name: 'q', in: 'query', schema: { type: 'string', maxLength: 80 }, description: 'Name or code contains' },
          { name: 'status', in: 'query', schema: { enum: ['all', 'alliance', 'other'] } },
          { name: 'type', in: 'query', schema: { enum: ['all', 'local', 'regional', 'charter', 'resc', 'state-agency', 'technical', 'academy', 'goodwin', 'other'] } },
          { name: 'sort', in: 'query', schema: { enum: ['name', 'index', 'rank', 'enrollment', 'status', 'cohort', 'withheld'] } },
          { name: 'dir', in: 'query', schema: { enum: ['asc', 'desc'] } },
        ],
        responses: { '200': { description: 'The districts', content: { 'application/json': { schema: { $ref: '#/components/schemas/Districts' } }, 'text/csv': {}, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } }, ...errors },
      },
    },
    '/api/v1/districts/{code}': {
      get: {
        summary: 'One district\'s profile: status, designation history, the reasons, measures and money',
        parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{7}$' }, example: '0640011' }],
        responses: { '200': { description: 'The district' }, ...errors },
      },
    },
    '/api/v1/districts/{code}/plans': {
      get: {
        summary: 'One district\'s approved plans: spending to date by funding area and each goal\'s progress',
        description: `JSON: each published plan (narrative, goals, strategies, budget by area, release, spending: asOf, reports and byArea with budgetedCents, spentCents, spentShare; progress: each goal's baseline, target, latest value with asOf, source and note, and status on-track, at-risk, off-track or no-data). CSV and XLSX: one row per funding area (kind "spending") and per goal (kind "goal"). ${csvXlsx}`,
        parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{7}$' }, example: '0640011' }],
        responses: { '200': { description: 'The plans', content: { 'application/json': {}, 'text/csv': {}, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } }, ...errors },
      },
    },
    '/api/v1/outcomes/headline': {
      get: {
        summary: 'Who attends alliance districts: students enrolled and by group, against the state (the 2024-25 brief\'s headline figures)',
        description: `For a school year with enrollment data and an official list (default: the latest): enrollment (alliance, state, share), and per group (ell, frpl, sped, black, hispanic, white, asian, two_or_more) the students in alliance districts and in the state, the share, the group's share of the state, and how many alliance districts have a larger share than the state. notInData lists what the data cannot give (the unduplicated high-needs count). ${csvXlsx}`,
        parameters: [{ name: 'schoolYear', in: 'query', schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' }, example: '2023-24' }],
        responses: { '200': { description: 'The figures' }, ...errors },
      },
    },
    '/api/v1/evaluation': {
      get: {
        summary: 'Outcomes of the alliance districts against the others, by year: pooled rates with their numerators and denominators (a computation)',
        description: `Group rates are pooled: the sum of graduates over the sum of cohorts, the sum of students meeting the Smarter Balanced standard over the sum of students with scored tests (where EdSight gives only a percentage, scored tests × the percentage, rounded). Each year: alliance and other (numerator, denominator, rate 0-1, districts, numeratorsFromPercent), gapPoints (alliance − other, percentage points) and gap (why a year has no data, e.g. no tests in 2019-20 and 2020-21), note (why a year is not comparable, e.g. grade 11 tested in 2014-15 only); districts: each district's own series; leftOut: district-years with a suppressed count; version: the code and data versions, to reproduce the figures; estimates: for each designation cohort, twice — comparison.kind=matched (each cohort district's 3 nearest never-designated districts in the base year by log enrollment, % free or reduced-price meals and % English learners; k, unmatched and balance, the covariate means of the cohort, its matches and all candidates) and comparison.kind=all (every never-designated district) — the event study (each year's change in the gap since the year before designation, percentage points, with a 95% cluster-bootstrap interval), did (the mean over the designated years) and preTrend (the mean before the base year), or estimable=false with the reason; method: the method in words. Measures: graduation_4yr, graduation_4yr_high_needs, sbac_ela, sbac_ela_high_needs, sbac_math, sbac_math_high_needs. ${csvXlsx}`,
        parameters: [
          { name: 'measure', in: 'query', schema: { type: 'string' }, example: 'graduation_4yr', description: 'Default: graduation_4yr' },
          { name: 'from', in: 'query', schema: { type: 'integer' }, example: 2012, description: 'First fiscal year (FY2012 = 2011-12); default: the first year with data' },
          { name: 'to', in: 'query', schema: { type: 'integer' }, example: 2025, description: 'Last fiscal year; default: the last year with data' },
          { name: 'membership', in: 'query', schema: { enum: ['ever', 'that-year', 'cohort'] }, description: 'ever (default): designated in any year against never designated; that-year: on that year\'s official list against the rest; cohort: first designated in the cohort year against never designated' },
          { name: 'cohort', in: 'query', schema: { type: 'integer' }, example: 2013, description: 'With membership=cohort: the fiscal year the cohort was first designated (2013, 2018, 2023)' },
        ],
        responses: { '200': { description: 'The series' }, ...errors },
      },
    },
    '/api/v1/evaluation/report': {
      get: {
        summary: 'The whole evaluation report: every measure, before and after the pandemic, ECS withheld per student, and the rank-cutoff statement (a computation)',
        description: 'JSON only; the same report as a document is /evaluation/report, and as HTML or PDF from alliance report evaluation. sections: per measure, series (as /api/v1/evaluation, with districts as each district\'s first and last year) and periods (before to 2018-19, during 2019-20 and 2020-21, after from 2021-22: pooled over the years where both groups have data); withheld: per fiscal year the ECS aid withheld from the alliance districts (cents, by the law as code), the students enrolled in them and the amount per student, with notes; rd: for each designation cycle, why an estimate around the rank cutoff can or cannot be made (the ranking year and whether its index is imported); midpoint: the latest cycle\'s midpoint review (after its first three years: each district\'s change since the year before the cycle in graduation, Smarter Balanced, chronic absenteeism and the index where the data has them, and its distance to exit under the off-ramp proposal; tiers are not published), or review=null with the reason; method, limits, version.',
        parameters: [
          { name: 'measures', in: 'query', schema: { type: 'string' }, example: 'graduation_4yr,sbac_ela', description: 'Comma-separated; default: every measure' },
          { name: 'from', in: 'query', schema: { type: 'integer' }, example: 2012 },
          { name: 'to', in: 'query', schema: { type: 'integer' }, example: 2025 },
          { name: 'membership', in: 'query', schema: { enum: ['ever', 'that-year', 'cohort'] } },
          { name: 'cohort', in: 'query', schema: { type: 'integer' }, example: 2013 },
        ],
        responses: { '200': { description: 'The report' }, ...errors },
      },
    },
    '/api/v1/off-ramp': {
      get: {
        summary: 'Each alliance district\'s distance to exit under the off-ramp proposal, and the fiscal effect of the exits (a computation)',
        description: `A proposal after the 2024-25 policy brief (recommendation 2), not law: a district exits after K consecutive data years out of the lowest-ranked (the designation law's ranking, computed on each imported data year) and K reviewed years with its plan's targets met. Each district: exits, criteria (have, need, holds) and allianceCents (what its exit would no longer withhold); effect: exiting, withheldCents, releasedCents. trace=1 adds each district's steps. ${csvXlsx}`,
        parameters: [
          { name: 'fiscalYear', in: 'query', schema: { type: 'integer' }, example: 2026 },
          { name: 'trace', in: 'query', schema: { enum: ['1'] } },
        ],
        responses: { '200': { description: 'The districts and the effect' }, ...errors },
      },
    },
    '/api/v1/districts/{code}/measures': {
      get: {
        summary: 'Every measure of one district by school year',
        parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{7}$' } }],
        responses: { '200': { description: 'The measures' }, ...errors },
      },
    },
    '/api/v1/measures': {
      get: {
        summary: 'One measure for every district',
        description: `Measures include enrollment, accountability_index, ela_growth, math_growth, chronic_absenteeism_pct, graduation_4yr_rate (and _high_needs), sbac_ela_level3plus_pct, sbac_math_level3plus_pct, and demographic counts and shares (n_*, pct_*). ${csvXlsx}`,
        parameters: [
          { name: 'measure', in: 'query', required: true, schema: { type: 'string' }, example: 'accountability_index' },
          { name: 'schoolYear', in: 'query', schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' }, example: '2024-25' },
        ],
        responses: { '200': { description: 'The values' }, ...errors },
      },
    },
    '/api/v1/designations/official': {
      get: {
        summary: 'The official list of alliance districts for a fiscal year — the record, not a computation',
        description: `Read from the record of designations and the law in force that year: each district with the fiscal year and Act that first designated it, and whether it is on the list as designated in this cycle or as an earlier designee the law keeps. The response has kind "record". 404 for a year no Act covers (FY2028 on). ${csvXlsx}`,
        parameters: [{ name: 'fiscalYear', in: 'query', schema: { type: 'integer' }, example: 2027, description: 'Default: the current fiscal year' }],
        responses: { '200': { description: 'The official list' }, ...errors },
      },
    },
    '/api/v1/designations': {
      get: {
        summary: 'What a law or proposal gives on a year\'s data — a computation, every district with the reasons',
        description: `The response has kind "computation" and a description saying so: a rule re-run on a data year can differ from the official list (PA 22-118 on 2024-25 data selects 39 districts; the state designated 36 — see /api/v1/designations/official). Each district has the same fields as \`alliance designate --format json\`: rank, index, eligibility, basis, Opportunity rank, the prior designation and the first designated fiscal year. opportunityReadings gives the count of Opportunity districts under each reading of "the ten lowest … when all towns are ranked". Add trace=1 for each district's step-by-step explanation. ${csvXlsx}`,
        parameters: [
          { name: 'law', in: 'query', schema: { type: 'string' }, example: 'pa-22-118', description: 'An enacted law (pa-12-116, pa-17-2, pa-22-118) or a proposal id; see /api/v1/laws' },
          { name: 'dataYear', in: 'query', schema: { type: 'string' }, example: '2024-25' },
          { name: 'trace', in: 'query', schema: { enum: ['0', '1'] } },
        ],
        responses: { '200': { description: 'The designation' }, ...errors },
      },
    },
    '/api/v1/withholding': {
      get: {
        summary: 'ECS withholding by town for a fiscal year: entitlement, base, alliance portion',
        description: `Money in integer cents. FY2013-FY2025 match CSDE's published split. ${csvXlsx}`,
        parameters: [
          { name: 'fiscalYear', in: 'query', required: true, schema: { type: 'integer' }, example: 2026 },
          { name: 'trace', in: 'query', schema: { enum: ['0', '1'] } },
        ],
        responses: { '200': { description: 'The split' }, ...errors },
      },
    },
    '/api/v1/scenarios': {
      get: {
        summary: 'A what-if scenario over an enacted law, with the difference and the fiscal effect',
        description: 'The same parameters as the simulator page (/scenarios): base, sel (count|score|percentile), count, score, percent, floor (empty for none), keep (on for earlier designees), exit, ties, fy, dataYear, and baseline: "official" (the default: the official list of the base law\'s cycle, the record) or "rerun" (the base rule applied to the same data, a computation). The comparison names which it used. 404 when the data the scenario needs is not in the database.',
        parameters: [
          { name: 'base', in: 'query', schema: { enum: ['pa-12-116', 'pa-17-2', 'pa-22-118'] } },
          { name: 'sel', in: 'query', schema: { enum: ['count', 'score', 'percentile'] } },
          { name: 'count', in: 'query', schema: { type: 'integer' } },
          { name: 'score', in: 'query', schema: { type: 'number' } },
          { name: 'percent', in: 'query', schema: { type: 'number' } },
          { name: 'floor', in: 'query', schema: { type: 'string' } },
          { name: 'keep', in: 'query', schema: { enum: ['on'] } },
          { name: 'exit', in: 'query', schema: { type: 'string' } },
          { name: 'ties', in: 'query', schema: { enum: ['include-all', 'exclude-all', 'fail'] } },
          { name: 'fy', in: 'query', schema: { type: 'integer' } },
          { name: 'dataYear', in: 'query', schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'The scenario\'s result' }, ...errors },
      },
    },
    '/api/v1/laws': {
      get: { summary: 'Every enacted rule and proposal with its dates and citation', responses: { '200': { description: 'The laws' } } },
    },
    '/api/v1/plans': {
      get: {
        tags: ['Workflow (signed in)'],
        summary: 'The plans you can see, with each one\'s stage and next deadline',
        description: 'Needs a session or a personal access token (Authorization: Bearer adp_…, made at /work/tokens); the same permissions as the pages.',
        security: [{ bearer: [] }, { session: [] }],
        responses: { '200': { description: 'The plans' }, '401': { description: 'Not signed in.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
      },
    },
    '/api/v1/plans/{id}/monitoring': {
      get: {
        tags: ['Workflow (signed in)'],
        summary: 'A plan\'s monitoring year: meetings, follow-ups, progress, spending, revisions and the annual review',
        description:
          'For whoever may see the plan. meetings: each with milestoneId, title, scheduledOn, heldOn, status (held, scheduled, overdue), agenda (by district or state), attendees, minutes (text), minutesUploadId (the minutes as a file of the plan, downloaded at /work/plans/{id}/uploads/{upload}, or null), decisions and followUps (owner, dueOn, status: done, open, overdue). progress: goals (latest value with asOf and source, status on-track, at-risk, off-track or no-data, and the rule in words), strategies (implementation), conditions (met true, false or null, evidence, and meetingId: the meeting that reviewed it, or null when reviewed outside one). spending: spendDown (asOf — the last day the reports cover —, elapsedShare, method, lines and areas with budgetedCents, spentCents, remainingCents, projectedCents and flags by rule: pace, over-budget, unbudgeted, lapse), reports and the district\'s column mapping. revisions and budgetInForce. annualReview: the signed decision and the facts it was based on. Amounts are integer cents.',
        security: [{ bearer: [] }, { session: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { '200': { description: '{ monitoring: … }' }, ...workflowErrors },
      },
    },
    '/api/v1/plans/{id}': {
      get: {
        tags: ['Workflow (signed in)'],
        summary: 'One plan: content, budget and its summary, stage, the actions open to you, the history you may see',
        security: [{ bearer: [] }, { session: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { '200': { description: 'The plan' }, ...workflowErrors },
      },
      post: {
        tags: ['Workflow (signed in)'],
        summary: 'Take an action on the plan',
        description:
          'A JSON object (or a form) with "intent" — save, record-board-approval, certify, submit (also resubmits), assign-reviewers, score, comment, request-revisions, recommend, approve, approve-with-conditions, deny, release-funds, start-amendment, extend-deadline (state administrators: deadline, date, reason) — the fields that action needs (as on the plan page), and "rowVersion" from the plan you read: if the plan changed since, nothing is done and the answer is 409 with what changed. record-board-approval needs the minutes: send it as multipart/form-data with the file in "minutes" (PDF, DOCX, PNG or JPEG), or give "minutesUploadId", a file already uploaded to the plan. save takes "content" (the plan: needsAssessment, goals, strategies, interventions, narrative, as GET returns it) and/or "budget" (its lines, amounts in integer cents); what is not given stays as it is. The body is read by the same schema as the plan page\'s forms: a field that does not fit is named in error.issues.',
        security: [{ bearer: [] }, { session: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        requestBody: {
          content: {
            'multipart/form-data': { schema: { type: 'object', properties: { intent: { const: 'record-board-approval' }, minutes: { type: 'string', format: 'binary' } } } },
            'application/json': {
              schema: {
                type: 'object',
                required: ['intent'],
                properties: {
                  intent: { type: 'string' },
                  rowVersion: { type: 'integer' },
                  typedName: { type: 'string', description: 'certify' },
                  assurances: { type: 'boolean', description: 'certify (true, or "on" from a form)' },
                  meetingDate: { type: 'string', format: 'date', description: 'record-board-approval' },
                  votesFor: { type: 'integer' },
                  votesAgainst: { type: 'integer' },
                  abstentions: { type: 'integer', default: 0 },
                  minutesUploadId: { type: 'integer', description: 'record-board-approval: a file already uploaded to this plan' },
                  minutes: { type: 'string', format: 'binary', description: 'record-board-approval, as multipart/form-data' },
                  content: { type: 'object', description: 'save: the plan content, as GET /api/v1/plans/{id} returns it' },
                  budget: { type: 'array', items: { type: 'object' }, description: 'save: the budget lines (amountCents in integer cents)' },
                  comment: { type: 'string', description: 'score' },
                  note: { type: 'string', description: 'recommend' },
                  internal: { type: 'boolean', description: 'comment (the state\'s own note)' },
                  parentId: { type: 'integer', description: 'comment: the comment replied to' },
                  deadline: { type: 'string', description: 'extend-deadline' },
                  reason: { type: 'string', description: 'extend-deadline' },
                  reviewers: { type: 'array', items: { type: 'integer' }, description: 'assign-reviewers' },
                  section: { type: 'string' },
                  score: { type: 'integer', minimum: 1, maximum: 4 },
                  message: { type: 'string', description: 'request-revisions' },
                  conditions: { type: 'string', description: 'approve-with-conditions' },
                  date: { type: 'string', format: 'date', description: 'release-funds' },
                  body: { type: 'string', description: 'comment' },
                },
              },
            },
          },
        },
        responses: { '200': { description: 'Done: { ok: true, message }' }, ...workflowErrors },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'A personal access token (adp_…), made at /work/tokens; it expires after 90 days.' },
      session: { type: 'apiKey', in: 'cookie', name: 'alliance_session' },
    },
    schemas: {
      Error: { type: 'object', properties: { error: { type: 'object', properties: { status: { type: 'integer' }, message: { type: 'string' } } } } },
      Districts: {
        type: 'object',
        properties: {
          attribution: { type: 'string' },
          fiscalYear: { type: 'integer' },
          districts: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                name: { type: 'string' },
                orgType: { type: 'string' },
                index: { type: ['number', 'null'] },
                rank: { type: ['integer', 'null'] },
                enrollment: { type: ['number', 'null'] },
                alliance: { type: 'boolean' },
                firstFiscalYear: { type: ['integer', 'null'] },
                withheldCents: { type: ['integer', 'null'] },
              },
            },
          },
        },
      },
    },
  },
} as const;
