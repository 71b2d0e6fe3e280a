/**
 * The public site's words in English and Spanish. Spanish must have every key English has (the
 * type checks it). `{name}` placeholders are filled by `t()`.
 */
export const en = {
  'site.title': 'Alliance Districts in Connecticut',
  'site.tagline': 'Who is designated, why, and where the money goes',
  'site.banner': 'An open-source public record of Connecticut\'s Alliance District program.',
  'site.skip': 'Skip to main content',
  'site.language': 'Language',
  'site.otherLanguage': 'Español',
  'site.otherLanguageName': 'Spanish',
  'nav.home': 'Overview',
  'nav.districts': 'Districts',
  'nav.designations': 'Designations',
  'nav.scenarios': 'What-if',
  'nav.about': 'Methodology and data',
  'nav.glossary': 'Glossary',
  'nav.api': 'Open data (API)',
  'nav.main': 'Main',
  'footer.source': 'Data: Connecticut State Department of Education (EdSight, data.ct.gov, ECS grant files), compiled by public repositories under CC-BY-4.0, ODC-By and MIT licences. See Methodology and data.',
  'footer.code': 'Law as code: C.G.S. § 10-262u as amended by PA 12-116, PA 17-2 JSS § 224 and PA 22-118.',
  'common.download': 'Download',
  'common.downloadCsv': 'Download CSV',
  'common.downloadXlsx': 'Download Excel',
  'common.table': 'Data table',
  'common.showTable': 'The figures as a table',
  'common.apply': 'Apply',
  'common.reset': 'Reset',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.none': 'None',
  'common.notAvailable': 'Not available',
  'common.source': 'Source',
  'common.citation': 'Citation',
  'common.why': 'Why',
  'common.year': 'Year',
  'common.fiscalYear': 'Fiscal year',
  'common.schoolYear': 'School year',
  'common.district': 'District',
  'common.code': 'Code',
  'common.type': 'Type',
  'common.index': 'Accountability index',
  'common.rank': 'Rank',
  'common.enrollment': 'Students',
  'common.status': 'Status',
  'common.cohort': 'First designated',
  'common.withheld': 'Withheld (alliance portion)',
  'common.entitlement': 'ECS entitlement',
  'common.alliance': 'Alliance district',
  'common.notAlliance': 'Not designated',
  'common.opportunity': 'Opportunity district',
  'common.byRank': 'by rank',
  'common.grandfathered': 'earlier designee',
  'common.eligible': 'Eligible',
  'common.designated': 'Designated',
  'common.law': 'Law',
  'common.dataYear': 'Data year',
  'common.englishOnly': 'The step-by-step explanation below is generated in English.',
  'home.title': 'The Alliance District program',
  'home.lede': 'Connecticut designates its lowest-performing school districts as alliance districts. The state withholds each one\'s Education Cost Sharing (ECS) aid above a base year until the Commissioner of Education approves the district\'s yearly plan to improve student achievement.',
  'home.now': 'Designated now: {fy}',
  'home.nowLaw': 'Under {law}, {count, plural, one {# district is an alliance district} other {# districts are alliance districts}} for {fy}.',
  'home.cohorts': 'By year first designated',
  'home.cohort': 'First designated {fy} ({act})',
  'home.students': 'Students served',
  'home.studentsSentence': 'Alliance districts enrol {students} students in {year}: {share} of the {total} students in all Connecticut public school districts.',
  'home.withheldTitle': 'ECS withheld for alliance plans, by fiscal year',
  'home.withheldSummary': 'The amount withheld for alliance plans grew from {first} in {firstFy} to {last} in {lastFy}.',
  'home.withheldNote': 'FY2013-FY2025: computed and checked against CSDE\'s published split. FY2026-FY2027: computed by this system from CSDE\'s entitlements (FY2027 is CSDE\'s estimate).',
  'home.mapTitle': 'Connecticut towns by alliance status',
  'home.mapSummary': '{count, plural, one {# of Connecticut\'s 169 towns has an alliance district} other {# of Connecticut\'s 169 towns have an alliance district}}; the rest do not.',
  'home.mapNote': 'Each town is shaded by its local school district\'s status, with a pattern as well as a colour. Regional districts are not alliance districts and are not drawn.',
  'home.how': 'How districts are chosen',
  'home.how1': 'Only local and regional school districts can be designated.',
  'home.how2': 'A district needs at least 1,000 students in the year of the data.',
  'home.how3': 'Districts are ranked by the accountability index; the 33 lowest are designated (30 before FY2023).',
  'home.how4': 'Every district designated in FY2013-FY2022 stays designated.',
  'home.noRule': 'No law designates alliance districts after FY2027. Explore what the next cycle could look like in the what-if simulator.',
  'districts.title': 'Districts',
  'districts.lede': 'Every school district with data, its accountability index, size and alliance status. Sort and filter the table; download it as CSV or Excel.',
  'districts.search': 'District name contains',
  'districts.filterStatus': 'Status',
  'districts.filterType': 'Type',
  'districts.all': 'All',
  'districts.onlyAlliance': 'Alliance districts',
  'districts.onlyOthers': 'Other districts',
  'districts.sort': 'Sort by',
  'districts.order': 'Order',
  'districts.columnsNote': 'Status is the official list for {fy} (the record). Rank is a computation: the district\'s place among eligible districts when the law in force is applied to the latest index.',
  'districts.count': '{count, plural, =0 {No districts shown.} one {# district shown.} other {# districts shown.}}',
  'districts.sortedBy': 'Sorted by {column}, {direction}.',
  'districts.ascending': 'ascending',
  'districts.descending': 'descending',
  'district.status': 'Status and designation history',
  'district.isAlliance': '{name} is an alliance district for {fy}.',
  'district.notAlliance': '{name} is not an alliance district for {fy}.',
  'district.firstDesignated': 'First designated for {fy} under {act}.',
  'district.history': 'Designation cycles',
  'district.cycle': 'Cycle',
  'district.result': 'Result',
  'district.firstCycle': 'Designated (first designation)',
  'district.continuing': 'Designated (continuing since FY{fy}, by rank or as an earlier designee)',
  'district.why': 'Why: the rule applied step by step',
  'district.whyLede': 'Applying {law} to the {year} data. Each step cites the statute or guidance it follows.',
  'district.measures': 'Accountability index',
  'district.indexAgainst': 'In {year}, {name}\'s accountability index is {index}; the median of Connecticut\'s local and regional districts is {median}. Were the rule applied to this year\'s data, its cutoff for the 33 lowest would be {cutoff} (a computation).',
  'district.trends': 'Trends',
  'district.areas': 'Points earned of points possible, by area, {year}',
  'district.area': 'Area',
  'district.state': 'Connecticut',
  'district.enrollmentTrend': 'Enrollment',
  'district.absenteeismTrend': 'Chronic absenteeism (% of students)',
  'district.graduationTrend': 'Four-year graduation rate (%)',
  'district.assessment': 'Smarter Balanced: students meeting or exceeding the standard (%)',
  'district.money': 'ECS entitlement and the alliance portion',
  'district.moneySummary': 'In {fy}, {withheld} of {name}\'s {entitlement} ECS entitlement is withheld for its alliance plan.',
  'district.moneyNone': '{name} is not an alliance district: none of its ECS entitlement is withheld.',
  'district.moneyTrend': 'The alliance portion of {name}\'s ECS entitlement went from {first} in {firstFy} to {last} in {lastFy}.',
  'plan.public.title': 'Approved plan, {fy}',
  'plan.public.approved': 'Approved by the commissioner.',
  'plan.public.conditions': 'Approved with conditions: {conditions}',
  'plan.public.released': 'Withheld funds released: {amount} on {date}.',
  'plan.public.notReleased': 'The release of the withheld funds is not yet recorded.',
  'plan.public.narrative': 'How the money targets performance',
  'plan.public.goals': 'Goals',
  'plan.public.goal': '{goal}: from {baseline} to {target}',
  'plan.public.strategies': 'Strategies',
  'plan.public.budget': 'Budget by funding area',
  'plan.public.area': 'Funding area',
  'plan.public.amount': 'Amount',
  'plan.public.total': 'Total',
  'fundingArea.staffing-direct-service': 'Staffing — direct service',
  'fundingArea.staffing-administrative': 'Staffing — administrative',
  'fundingArea.staffing-operational': 'Staffing — operational',
  'fundingArea.benefits': 'Benefits',
  'fundingArea.progress-monitoring': 'Progress monitoring',
  'fundingArea.professional-development': 'Professional development',
  'fundingArea.supplies': 'Supplies',
  'fundingArea.other': 'Other',
  'district.noData': 'No data for this measure.',
  'district.notFound': 'There is no district with code {code}.',
  'opportunity.reading.all-towns': 'among all towns; only those that are alliance districts count',
  'opportunity.reading.eligible-districts': 'among districts with at least 1,000 students',
  'opportunity.reading.alliance-districts': 'the ten lowest alliance districts',
  'record.absent': '{name} is not on the record of designations for any cycle since the program began in FY2013.',
  'record.first': '{name} was first designated an alliance district for FY{fy}, under {act}.',
  'record.kept': '{law}, in force for FY{first}–FY{last}, keeps every district designated FY{keepsFirst}–FY{keepsLast} as an alliance district, whatever its index now; {name} is one.',
  'record.thisCycle': 'That designation is this cycle’s own (FY{first}–FY{last}, {law}).',
  'record.later': 'That is after FY{fy}.',
  'record.notKept': '{law}, in force for FY{first}–FY{last}, does not keep districts designated then.',
  'record.resultYes': 'Officially: an alliance district for FY{fy}.',
  'record.resultNo': 'Officially: not an alliance district for FY{fy}.',
  'compare.record': 'the official list for FY{first}–FY{last} ({law})',
  'compare.computation': '{act} applied to {year} data',
  'compare.scenario': 'the scenario',
  'missing.index': 'There is no accountability index for {year} in the database, so this rule cannot be applied to it. Years with data: {available}. Import that year from data.ct.gov dataset h28j-iix5 (alliance import ngas <file>), or choose another data year.',
  'missing.indexNone': 'There is no accountability index in the database for any year. Import it from data.ct.gov dataset h28j-iix5 (alliance import ngas <file>).',
  'missing.dpi': 'This rule ranks districts by the District Performance Index, which is not in the database (the sources at hand do not have it). Import it with alliance import measures <file>, or choose a data year to apply the rule to the accountability index instead.',
  'category.alliance district': 'alliance district',
  'category.opportunity district': 'Opportunity district',
  'category.legacy alliance district': 'legacy alliance district',
  'district.officialWhy': 'Why: the official record',
  'district.officialLede': 'What the state decided, from the record of designations and the law in force for {fy} ({law}).',
  'district.officialNoRule': 'No Act designates alliance districts for {fy}.',
  'district.computation': 'What the rule gives on newer data — a computation',
  'district.computationLede': 'If {act} were applied to {year} data. This is a computation for comparison, not the state’s decision: the official status is the one above.',
  'district.computationSelected': 'On {year} data, {act} would select {name} ({basis}).',
  'district.computationSelectedFloor': 'On {year} data, {act} would select {name} as an earlier designee, although it no longer meets a step ({reasons}).',
  'district.computationNotSelected': 'On {year} data, {act} would not select {name}{reasons}.',
  'district.computationRank': 'It would rank {rank} of the eligible districts.',
  'district.computationDiffers': 'This differs from the official status above: the state has not designated districts on {year} data.',
  'district.computationSteps': 'The rule applied step by step',
  'district.opportunityReadings': 'Opportunity (educational reform) districts, § 10-262u(a)(4): “among the ten lowest … when all towns are ranked”. On {year} data that gives {count, plural, one {# Opportunity district} other {# Opportunity districts}} under the default reading ({reading}); the other readings give {others}. The sources at hand do not list the state’s Opportunity districts, so this is a computation too.',
  'district.opportunityThis': '{name} would be an Opportunity district under the default reading.',
  'common.selected': 'Selected',
  'common.notSelected': 'Not selected',
  'common.computation': 'Computation',
  'common.record': 'Official record',
  'designations.officialTitle': 'The official list for {span} — the record',
  'designations.officialSummary': '{count, plural, one {# alliance district} other {# alliance districts}}, from the record of designations and {law}: {thisCycle} first designated in this cycle and {earlier, plural, one {# earlier designee} other {# earlier designees}} the law keeps.',
  'designations.computationTitle': 'If {act} were applied to {year} data — a computation',
  'designations.computationLede': 'What the rule gives on this year’s data, for comparison. It is not the official list (above), which the state decided on the data of its time.',
  'designations.vsOfficial': 'The computation against the official list',
  'designations.officialShow': '{count, plural, one {The # district on the official list} other {The # districts on the official list}}',
  'designations.missingTitle': 'The data this rule needs is not in the database',
  'designations.missingLede': 'The official list of this cycle is below. Choose a data year to apply the rule to other data, or import the data the rule needs.',
  'designations.selectedCell': 'Selected: {category} ({basis})',
  'designations.baselineIs': 'Baseline: {label}.',
  'scenarios.baseline': 'Compare the scenario with',
  'scenarios.baseline.official': 'the official list of the base law’s cycle (the record)',
  'scenarios.baseline.rerun': 'the base law applied to the same data (a computation)',
  'designations.title': 'Designation explorer',
  'designations.lede': 'See a cycle\'s official list (the record of what the state decided) and what an enacted law or a proposal gives when applied to a year\'s data (a computation). Compare them, or two laws: who enters, who leaves, and what changes in withheld funds.',
  'designations.compareWith': 'Compare with',
  'designations.noComparison': 'No comparison',
  'designations.cutoff': '{count, plural, one {Cutoff: the lowest ends here (index {index}).} other {Cutoff: the # lowest end here (index {index}).}}',
  'designations.enter': 'In {b}, not in {a}',
  'designations.leave': 'In {a}, not in {b}',
  'designations.fiscal': 'Withheld in {fy}: {a} under {lawA}; {b} under {lawB} ({change}).',
  'designations.summary': 'This computation selects {designated, plural, one {# district} other {# districts}}: {byRank} by rank and {grandfathered, plural, one {# earlier designee} other {# earlier designees}}; {opportunity, plural, one {# Opportunity district} other {# Opportunity districts}}; {eligible} eligible.',
  'designations.reasons.org_type': 'not a local or regional district',
  'designations.reasons.min_enrollment': 'fewer than the minimum students',
  'designations.reasons.missing_enrollment': 'no enrollment count',
  'designations.reasons.missing_index': 'no index for the year',
  'designations.enacted': 'Enacted',
  'designations.proposed': 'Proposal (not law)',
  'scenarios.title': 'What-if simulator',
  'scenarios.lede': 'Change the rule and see who it would select, the difference from the official list (or from the enacted rule on the same data), and the effect on withheld funds. The scenario lives in the address of this page, so you can share it.',
  'scenarios.base': 'Start from',
  'scenarios.selection': 'Select districts by',
  'scenarios.byCount': 'a number of lowest-scoring districts',
  'scenarios.byScore': 'an index score threshold',
  'scenarios.byPercentile': 'a percentile threshold',
  'scenarios.count': 'How many lowest',
  'scenarios.score': 'Designate at or below this index',
  'scenarios.percent': 'Designate the lowest percent',
  'scenarios.minEnrollment': 'Minimum students (empty for no floor)',
  'scenarios.grandfathering': 'Keep districts designated before (grandfathering)',
  'scenarios.exit': 'Off-ramp: earlier designees leave after this many years above the cutoff (empty for none)',
  'scenarios.fiscalYear': 'Fiscal year',
  'scenarios.ties': 'Ties at the cutoff',
  'scenarios.ties.include-all': 'Designate every district tied at the cutoff',
  'scenarios.ties.exclude-all': 'Designate none of the districts tied across the cutoff',
  'scenarios.ties.fail': 'Stop: someone must decide',
  'scenarios.run': 'Show the result',
  'scenarios.share': 'Link to this scenario',
  'scenarios.diff': 'The scenario against {label}',
  'scenarios.noRuleForYear': 'No law is in force for {fy}: this scenario applies its rule to {fy} as if it were enacted.',
  'scenarios.invalid': 'The scenario could not be run:',
  'about.title': 'Methodology and data',
  'about.lede': 'How this site turns the statute into code, every number the law sets with its dates and citation, and the data behind the pages.',
  'about.statute': 'The statute, version by version',
  'about.parameters': 'Every parameter with its dates and citation',
  'about.options': 'Where the law is ambiguous',
  'about.optionsLede': 'These questions are not answered by the statute. Each has a named reading; the default follows the wording cited, and the simulator can change it.',
  'about.data': 'Data sources and licences',
  'about.imports': 'Files imported into this site',
  'about.importedAt': 'Imported',
  'about.rows': 'Rows',
  'about.withholding': 'ECS withholding',
  'about.withholdingText': 'The alliance portion is the increase of a district\'s ECS entitlement over its base-year grant (FY2012; FY2022 for districts first designated in 2022). This site reproduces CSDE\'s published split for all 169 towns, FY2013-FY2025, to the dollar, including the FY2018 holdback and the FY2024-FY2025 education-diversity portion. One town-year differs by $1 in CSDE\'s own file (Washington, FY2016).',
  'glossary.title': 'Glossary',
  'error.title': 'Something went wrong',
  'error.notFound': 'Page not found',
  'error.forbidden': 'Not allowed',
  'error.badRequest': 'The request cannot be answered',
  'error.back': 'Go to the overview',
  'api.title': 'Open data API',
} as const;

export type MessageKey = keyof typeof en;

export const es: Record<MessageKey, string> = {
  'site.title': 'Distritos de la Alianza en Connecticut',
  'site.tagline': 'Quién es designado, por qué y adónde va el dinero',
  'site.banner': 'Un registro público y de código abierto del programa de Distritos de la Alianza de Connecticut.',
  'site.skip': 'Saltar al contenido principal',
  'site.language': 'Idioma',
  'site.otherLanguage': 'English',
  'site.otherLanguageName': 'inglés',
  'nav.home': 'Resumen',
  'nav.districts': 'Distritos',
  'nav.designations': 'Designaciones',
  'nav.scenarios': 'Simulador',
  'nav.about': 'Metodología y datos',
  'nav.glossary': 'Glosario',
  'nav.api': 'Datos abiertos (API)',
  'nav.main': 'Principal',
  'footer.source': 'Datos: Departamento de Educación del Estado de Connecticut (EdSight, data.ct.gov, archivos de subvenciones ECS), recopilados por repositorios públicos bajo licencias CC-BY-4.0, ODC-By y MIT. Vea Metodología y datos.',
  'footer.code': 'La ley como código: C.G.S. § 10-262u, enmendado por PA 12-116, PA 17-2 JSS § 224 y PA 22-118.',
  'common.download': 'Descargar',
  'common.downloadCsv': 'Descargar CSV',
  'common.downloadXlsx': 'Descargar Excel',
  'common.table': 'Tabla de datos',
  'common.showTable': 'Las cifras en una tabla',
  'common.apply': 'Aplicar',
  'common.reset': 'Restablecer',
  'common.yes': 'Sí',
  'common.no': 'No',
  'common.none': 'Ninguno',
  'common.notAvailable': 'No disponible',
  'common.source': 'Fuente',
  'common.citation': 'Cita',
  'common.why': 'Por qué',
  'common.year': 'Año',
  'common.fiscalYear': 'Año fiscal',
  'common.schoolYear': 'Año escolar',
  'common.district': 'Distrito',
  'common.code': 'Código',
  'common.type': 'Tipo',
  'common.index': 'Índice de rendición de cuentas',
  'common.rank': 'Posición',
  'common.enrollment': 'Estudiantes',
  'common.status': 'Estado',
  'common.cohort': 'Designado por primera vez',
  'common.withheld': 'Retenido (porción de la alianza)',
  'common.entitlement': 'Asignación ECS',
  'common.alliance': 'Distrito de la Alianza',
  'common.notAlliance': 'No designado',
  'common.opportunity': 'Distrito de Oportunidad',
  'common.byRank': 'por posición',
  'common.grandfathered': 'designado anteriormente',
  'common.eligible': 'Elegible',
  'common.designated': 'Designado',
  'common.law': 'Ley',
  'common.dataYear': 'Año de los datos',
  'common.englishOnly': 'La explicación paso a paso que sigue se genera en inglés.',
  'home.title': 'El programa de Distritos de la Alianza',
  'home.lede': 'Connecticut designa a sus distritos escolares de menor rendimiento como distritos de la Alianza. El estado retiene la ayuda de Distribución del Costo de la Educación (ECS) de cada uno por encima de un año base hasta que el Comisionado de Educación aprueba el plan anual del distrito para mejorar el rendimiento estudiantil.',
  'home.now': 'Designados ahora: {fy}',
  'home.nowLaw': 'Según {law}, {count, plural, one {# distrito es distrito de la Alianza} other {# distritos son distritos de la Alianza}} para {fy}.',
  'home.cohorts': 'Por año de la primera designación',
  'home.cohort': 'Designados por primera vez en {fy} ({act})',
  'home.students': 'Estudiantes atendidos',
  'home.studentsSentence': 'Los distritos de la Alianza matriculan a {students} estudiantes en {year}: el {share} de los {total} estudiantes de todos los distritos escolares públicos de Connecticut.',
  'home.withheldTitle': 'ECS retenido para los planes de la Alianza, por año fiscal',
  'home.withheldSummary': 'La cantidad retenida para los planes de la Alianza pasó de {first} en {firstFy} a {last} en {lastFy}.',
  'home.withheldNote': 'FY2013-FY2025: calculado y verificado con la división publicada por CSDE. FY2026-FY2027: calculado por este sistema a partir de las asignaciones de CSDE (FY2027 es una estimación de CSDE).',
  'home.mapTitle': 'Municipios de Connecticut según su estado en la Alianza',
  'home.mapSummary': '{count, plural, one {# de los 169 municipios de Connecticut tiene un distrito de la Alianza} other {# de los 169 municipios de Connecticut tienen un distrito de la Alianza}}; los demás no.',
  'home.mapNote': 'Cada municipio se sombrea según el estado de su distrito escolar local, con un patrón además de un color. Los distritos regionales no son distritos de la Alianza y no se dibujan.',
  'home.how': 'Cómo se eligen los distritos',
  'home.how1': 'Solo pueden designarse distritos escolares locales y regionales.',
  'home.how2': 'Un distrito necesita al menos 1.000 estudiantes en el año de los datos.',
  'home.how3': 'Los distritos se ordenan por el índice de rendición de cuentas; se designan los 33 más bajos (30 antes de FY2023).',
  'home.how4': 'Todo distrito designado en FY2013-FY2022 sigue designado.',
  'home.noRule': 'Ninguna ley designa distritos de la Alianza después de FY2027. Explore cómo podría ser el próximo ciclo en el simulador.',
  'districts.title': 'Distritos',
  'districts.lede': 'Cada distrito escolar con datos, su índice de rendición de cuentas, su tamaño y su estado en la Alianza. Ordene y filtre la tabla; descárguela en CSV o Excel.',
  'districts.search': 'El nombre del distrito contiene',
  'districts.filterStatus': 'Estado',
  'districts.filterType': 'Tipo',
  'districts.all': 'Todos',
  'districts.onlyAlliance': 'Distritos de la Alianza',
  'districts.onlyOthers': 'Otros distritos',
  'districts.sort': 'Ordenar por',
  'districts.order': 'Orden',
  'districts.columnsNote': 'El estado es la lista oficial para {fy} (el registro). La posición es un cálculo: el lugar del distrito entre los distritos elegibles al aplicar la ley vigente al índice más reciente.',
  'districts.count': '{count, plural, =0 {No se muestra ningún distrito.} one {Se muestra # distrito.} other {Se muestran # distritos.}}',
  'districts.sortedBy': 'Ordenado por {column}, {direction}.',
  'districts.ascending': 'ascendente',
  'districts.descending': 'descendente',
  'district.status': 'Estado e historial de designación',
  'district.isAlliance': '{name} es un distrito de la Alianza para {fy}.',
  'district.notAlliance': '{name} no es un distrito de la Alianza para {fy}.',
  'district.firstDesignated': 'Designado por primera vez para {fy} según {act}.',
  'district.history': 'Ciclos de designación',
  'district.cycle': 'Ciclo',
  'district.result': 'Resultado',
  'district.firstCycle': 'Designado (primera designación)',
  'district.continuing': 'Designado (continúa desde FY{fy}, por posición o como designado anteriormente)',
  'district.why': 'Por qué: la regla aplicada paso a paso',
  'district.whyLede': 'Aplicando {law} a los datos de {year}. Cada paso cita la ley o la guía que sigue.',
  'district.measures': 'Índice de rendición de cuentas',
  'district.indexAgainst': 'En {year}, el índice de {name} es {index}; la mediana de los distritos locales y regionales de Connecticut es {median}. Si la regla se aplicara a los datos de este año, su corte de los 33 más bajos sería {cutoff} (un cálculo).',
  'district.trends': 'Tendencias',
  'district.areas': 'Puntos obtenidos de los posibles, por área, {year}',
  'district.area': 'Área',
  'district.state': 'Connecticut',
  'district.enrollmentTrend': 'Matrícula',
  'district.absenteeismTrend': 'Ausentismo crónico (% de estudiantes)',
  'district.graduationTrend': 'Tasa de graduación en cuatro años (%)',
  'district.assessment': 'Smarter Balanced: estudiantes que alcanzan o superan el estándar (%)',
  'district.money': 'Asignación ECS y la porción de la Alianza',
  'district.moneySummary': 'En {fy}, se retienen {withheld} de la asignación ECS de {entitlement} de {name} para su plan de la Alianza.',
  'district.moneyNone': '{name} no es un distrito de la Alianza: no se retiene nada de su asignación ECS.',
  'district.moneyTrend': 'La porción de la Alianza de la asignación ECS de {name} pasó de {first} en {firstFy} a {last} en {lastFy}.',
  'plan.public.title': 'Plan aprobado, {fy}',
  'plan.public.approved': 'Aprobado por el comisionado.',
  'plan.public.conditions': 'Aprobado con condiciones: {conditions}',
  'plan.public.released': 'Fondos retenidos liberados: {amount} el {date}.',
  'plan.public.notReleased': 'La liberación de los fondos retenidos aún no está registrada.',
  'plan.public.narrative': 'Cómo el dinero se dirige al rendimiento',
  'plan.public.goals': 'Metas',
  'plan.public.goal': '{goal}: de {baseline} a {target}',
  'plan.public.strategies': 'Estrategias',
  'plan.public.budget': 'Presupuesto por área de financiación',
  'plan.public.area': 'Área de financiación',
  'plan.public.amount': 'Monto',
  'plan.public.total': 'Total',
  'fundingArea.staffing-direct-service': 'Personal — servicio directo',
  'fundingArea.staffing-administrative': 'Personal — administrativo',
  'fundingArea.staffing-operational': 'Personal — operativo',
  'fundingArea.benefits': 'Beneficios',
  'fundingArea.progress-monitoring': 'Seguimiento del progreso',
  'fundingArea.professional-development': 'Desarrollo profesional',
  'fundingArea.supplies': 'Materiales',
  'fundingArea.other': 'Otros',
  'district.noData': 'No hay datos para esta medida.',
  'district.notFound': 'No hay ningún distrito con el código {code}.',
  'opportunity.reading.all-towns': 'entre todos los municipios; solo cuentan los que son distritos de la Alianza',
  'opportunity.reading.eligible-districts': 'entre los distritos con al menos 1.000 estudiantes',
  'opportunity.reading.alliance-districts': 'los diez distritos de la Alianza más bajos',
  'record.absent': '{name} no figura en el registro de designaciones de ningún ciclo desde que el programa comenzó en FY2013.',
  'record.first': '{name} fue designado distrito de la Alianza por primera vez para FY{fy}, según {act}.',
  'record.kept': '{law}, vigente para FY{first}–FY{last}, mantiene como distrito de la Alianza a todo distrito designado en FY{keepsFirst}–FY{keepsLast}, sea cual sea su índice ahora; {name} es uno de ellos.',
  'record.thisCycle': 'Esa designación es la propia de este ciclo (FY{first}–FY{last}, {law}).',
  'record.later': 'Eso es posterior a FY{fy}.',
  'record.notKept': '{law}, vigente para FY{first}–FY{last}, no mantiene a los distritos designados entonces.',
  'record.resultYes': 'Oficialmente: distrito de la Alianza para FY{fy}.',
  'record.resultNo': 'Oficialmente: no es distrito de la Alianza para FY{fy}.',
  'compare.record': 'la lista oficial para FY{first}–FY{last} ({law})',
  'compare.computation': '{act} aplicada a los datos de {year}',
  'compare.scenario': 'el escenario',
  'missing.index': 'No hay índice de rendición de cuentas para {year} en la base de datos, así que esta regla no se le puede aplicar. Años con datos: {available}. Importe ese año del conjunto h28j-iix5 de data.ct.gov (alliance import ngas <archivo>) o elija otro año de datos.',
  'missing.indexNone': 'No hay índice de rendición de cuentas en la base de datos para ningún año. Impórtelo del conjunto h28j-iix5 de data.ct.gov (alliance import ngas <archivo>).',
  'missing.dpi': 'Esta regla ordena los distritos por el Índice de Desempeño del Distrito (DPI), que no está en la base de datos (las fuentes disponibles no lo tienen). Impórtelo con alliance import measures <archivo>, o elija un año de datos para aplicar la regla al índice de rendición de cuentas.',
  'category.alliance district': 'distrito de la Alianza',
  'category.opportunity district': 'distrito de Oportunidad',
  'category.legacy alliance district': 'distrito de la Alianza heredado',
  'district.officialWhy': 'Por qué: el registro oficial',
  'district.officialLede': 'Lo que decidió el estado, según el registro de designaciones y la ley vigente para {fy} ({law}).',
  'district.officialNoRule': 'Ninguna ley designa distritos de la Alianza para {fy}.',
  'district.computation': 'Lo que da la regla con datos más recientes — un cálculo',
  'district.computationLede': 'Si {act} se aplicara a los datos de {year}. Es un cálculo para comparar, no la decisión del estado: el estado oficial es el de arriba.',
  'district.computationSelected': 'Con los datos de {year}, {act} seleccionaría a {name} ({basis}).',
  'district.computationSelectedFloor': 'Con los datos de {year}, {act} seleccionaría a {name} como designado anteriormente, aunque ya no cumple un paso ({reasons}).',
  'district.computationNotSelected': 'Con los datos de {year}, {act} no seleccionaría a {name}{reasons}.',
  'district.computationRank': 'Ocuparía la posición {rank} entre los distritos elegibles.',
  'district.computationDiffers': 'Esto difiere del estado oficial de arriba: el estado no ha designado distritos con los datos de {year}.',
  'district.computationSteps': 'La regla aplicada paso a paso',
  'district.opportunityReadings': 'Distritos de Oportunidad (de reforma educativa), § 10-262u(a)(4): “entre los diez más bajos … cuando se ordenan todos los municipios”. Con los datos de {year} {count, plural, one {resulta # distrito de Oportunidad} other {resultan # distritos de Oportunidad}} según la lectura predeterminada ({reading}); las otras lecturas dan {others}. Las fuentes disponibles no enumeran los distritos de Oportunidad del estado, así que esto también es un cálculo.',
  'district.opportunityThis': '{name} sería un distrito de Oportunidad según la lectura predeterminada.',
  'common.selected': 'Seleccionado',
  'common.notSelected': 'No seleccionado',
  'common.computation': 'Cálculo',
  'common.record': 'Registro oficial',
  'designations.officialTitle': 'La lista oficial para {span} — el registro',
  'designations.officialSummary': '{count, plural, one {# distrito de la Alianza} other {# distritos de la Alianza}}, según el registro de designaciones y {law}: {thisCycle, plural, one {# designado por primera vez en este ciclo} other {# designados por primera vez en este ciclo}} y {earlier, plural, one {# designado anteriormente que la ley mantiene} other {# designados anteriormente que la ley mantiene}}.',
  'designations.computationTitle': 'Si {act} se aplicara a los datos de {year} — un cálculo',
  'designations.computationLede': 'Lo que da la regla con los datos de este año, para comparar. No es la lista oficial (arriba), que el estado decidió con los datos de su momento.',
  'designations.vsOfficial': 'El cálculo frente a la lista oficial',
  'designations.officialShow': '{count, plural, one {El # distrito de la lista oficial} other {Los # distritos de la lista oficial}}',
  'designations.missingTitle': 'Los datos que necesita esta regla no están en la base de datos',
  'designations.missingLede': 'Abajo está la lista oficial de este ciclo. Elija un año de datos para aplicar la regla a otros datos, o importe los datos que necesita la regla.',
  'designations.selectedCell': 'Seleccionado: {category} ({basis})',
  'designations.baselineIs': 'Base de comparación: {label}.',
  'scenarios.baseline': 'Comparar el escenario con',
  'scenarios.baseline.official': 'la lista oficial del ciclo de la ley de base (el registro)',
  'scenarios.baseline.rerun': 'la ley de base aplicada a los mismos datos (un cálculo)',
  'designations.title': 'Explorador de designaciones',
  'designations.lede': 'Vea la lista oficial de un ciclo (el registro de lo que decidió el estado) y lo que da una ley vigente o una propuesta aplicada a los datos de un año (un cálculo). Compárelos, o compare dos leyes: quién entra, quién sale y qué cambia en los fondos retenidos.',
  'designations.compareWith': 'Comparar con',
  'designations.noComparison': 'Sin comparación',
  'designations.cutoff': '{count, plural, one {Corte: aquí termina el más bajo (índice {index}).} other {Corte: aquí terminan los # más bajos (índice {index}).}}',
  'designations.enter': 'En {b}, no en {a}',
  'designations.leave': 'En {a}, no en {b}',
  'designations.fiscal': 'Retenido en {fy}: {a} según {lawA}; {b} según {lawB} ({change}).',
  'designations.summary': 'Este cálculo selecciona {designated, plural, one {# distrito} other {# distritos}}: {byRank} por posición y {grandfathered, plural, one {# designado anteriormente} other {# designados anteriormente}}; {opportunity, plural, one {# distrito de Oportunidad} other {# distritos de Oportunidad}}; {eligible, plural, one {# elegible} other {# elegibles}}.',
  'designations.reasons.org_type': 'no es un distrito local o regional',
  'designations.reasons.min_enrollment': 'menos estudiantes que el mínimo',
  'designations.reasons.missing_enrollment': 'sin recuento de matrícula',
  'designations.reasons.missing_index': 'sin índice para el año',
  'designations.enacted': 'Vigente',
  'designations.proposed': 'Propuesta (no es ley)',
  'scenarios.title': 'Simulador de escenarios',
  'scenarios.lede': 'Cambie la regla y vea a quién seleccionaría, la diferencia con la lista oficial (o con la regla vigente sobre los mismos datos) y el efecto en los fondos retenidos. El escenario queda en la dirección de esta página, para que pueda compartirlo.',
  'scenarios.base': 'Partir de',
  'scenarios.selection': 'Seleccionar distritos por',
  'scenarios.byCount': 'un número de distritos con el puntaje más bajo',
  'scenarios.byScore': 'un umbral de puntaje del índice',
  'scenarios.byPercentile': 'un umbral de percentil',
  'scenarios.count': 'Cuántos de los más bajos',
  'scenarios.score': 'Designar con índice igual o menor a',
  'scenarios.percent': 'Designar el porcentaje más bajo',
  'scenarios.minEnrollment': 'Mínimo de estudiantes (vacío: sin mínimo)',
  'scenarios.grandfathering': 'Mantener a los distritos designados antes',
  'scenarios.exit': 'Salida: los designados antes salen tras estos años por encima del corte (vacío: ninguna)',
  'scenarios.fiscalYear': 'Año fiscal',
  'scenarios.ties': 'Empates en el corte',
  'scenarios.ties.include-all': 'Designar a todos los distritos empatados en el corte',
  'scenarios.ties.exclude-all': 'No designar a ninguno de los distritos empatados en el corte',
  'scenarios.ties.fail': 'Detenerse: alguien debe decidir',
  'scenarios.run': 'Mostrar el resultado',
  'scenarios.share': 'Enlace a este escenario',
  'scenarios.diff': 'El escenario frente a {label}',
  'scenarios.noRuleForYear': 'Ninguna ley está vigente para {fy}: este escenario aplica su regla a {fy} como si estuviera vigente.',
  'scenarios.invalid': 'No se pudo ejecutar el escenario:',
  'about.title': 'Metodología y datos',
  'about.lede': 'Cómo este sitio convierte la ley en código, cada número que fija la ley con sus fechas y su cita, y los datos detrás de las páginas.',
  'about.statute': 'La ley, versión por versión',
  'about.parameters': 'Cada parámetro con sus fechas y su cita',
  'about.options': 'Donde la ley es ambigua',
  'about.optionsLede': 'La ley no responde a estas preguntas. Cada una tiene una lectura con nombre; la predeterminada sigue el texto citado y el simulador puede cambiarla.',
  'about.data': 'Fuentes de datos y licencias',
  'about.imports': 'Archivos importados en este sitio',
  'about.importedAt': 'Importado',
  'about.rows': 'Filas',
  'about.withholding': 'Retención de ECS',
  'about.withholdingText': 'La porción de la Alianza es el aumento de la asignación ECS de un distrito sobre su subvención del año base (FY2012; FY2022 para los distritos designados por primera vez en 2022). Este sitio reproduce la división publicada por CSDE para los 169 municipios, FY2013-FY2025, al dólar, incluida la retención de FY2018 y la porción de diversidad educativa de FY2024-FY2025. Un año de un municipio difiere en $1 en el propio archivo de CSDE (Washington, FY2016).',
  'glossary.title': 'Glosario',
  'error.title': 'Algo salió mal',
  'error.notFound': 'Página no encontrada',
  'error.forbidden': 'No permitido',
  'error.badRequest': 'No se puede responder a la solicitud',
  'error.back': 'Ir al resumen',
  'api.title': 'API de datos abiertos',
};

export type Lang = 'en' | 'es';

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { en, es };

/**
 * The message in the language, with `{name}` placeholders filled. A count that changes the words
 * is written `{count, plural, one {# district shown.} other {# districts shown.}}` (the ICU
 * form): the branch is chosen by the language's plural rules (`Intl.PluralRules`), `=0` and the
 * like match exactly, `#` is the number in the language's digits, and `other` is the fallback.
 */
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return fillMessage(lang, MESSAGES[lang][key] ?? en[key], vars);
}

const PLURAL_RULES: Record<Lang, Intl.PluralRules> = { en: new Intl.PluralRules('en-US'), es: new Intl.PluralRules('es-US') };

/** Fills a message's placeholders and plural branches (see `translate`). */
export function fillMessage(lang: Lang, text: string, vars: Record<string, string | number>): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const head = /^\{(\w+), plural,/.exec(text.slice(open));
    if (!head) {
      out += text.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    out += text.slice(i, open);
    const end = matchingBrace(text, open);
    const name = head[1]!;
    const n = Number(vars[name]);
    const branches = pluralBranches(text.slice(open + head[0].length, end));
    const branch = name in vars && Number.isFinite(n) ? (branches.get(`=${n}`) ?? branches.get(PLURAL_RULES[lang].select(n)) ?? branches.get('other')) : undefined;
    out += branch === undefined ? text.slice(open, end + 1) : branch.replace(/#/g, formatNumber(lang, n, Number.isInteger(n) ? 0 : 1));
    i = end + 1;
  }
  out += text.slice(i);
  return out.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return j;
  }
  throw new Error(`Unbalanced braces in message: ${text}`);
}

/** " one {# district} other {# districts}" → { one: "# district", other: "# districts" }. */
function pluralBranches(body: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!m) break;
    const open = i + m[0].length - 1;
    const end = matchingBrace(body, open);
    branches.set(m[1]!, body.slice(open + 1, end));
    i = end + 1;
  }
  return branches;
}

/** The language a path is in: /es and /es/… are Spanish. */
export function langOfPath(pathname: string): Lang {
  return pathname === '/es' || pathname.startsWith('/es/') ? 'es' : 'en';
}

/** A path in the language: localPath('es', '/districts') → '/es/districts'. */
export function localPath(lang: Lang, path: string): string {
  if (lang === 'en') return path;
  return path === '/' ? '/es' : `/es${path}`;
}

/** The same page in the other language. */
export function switchLangPath(pathname: string, search: string): string {
  const lang = langOfPath(pathname);
  // One leading slash, always: "/es//evil.example" must not become "//evil.example", which a
  // browser reads as another site.
  const bare = `/${(lang === 'es' ? pathname.slice(3) : pathname).replace(/^[/\\]+/, '')}`;
  const query = search && !search.startsWith('?') ? `?${search}` : search;
  return (lang === 'es' ? bare : localPath('es', bare)) + query;
}

export function formatNumber(lang: Lang, n: number, digits = 0): string {
  return n.toLocaleString(lang === 'es' ? 'es-US' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatMoney(lang: Lang, cents: number): string {
  return (cents / 100).toLocaleString(lang === 'es' ? 'es-US' : 'en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 0, maximumFractionDigits: 0 });
}

/**
 * Dollars on a chart's axis, short enough to fit beside it: "$600M", "$37.5M", "$250K", in the
 * unit the largest tick needs, so every tick of one axis has the same unit.
 */
export function formatMoneyAxis(lang: Lang, dollars: number, maxDollars: number): string {
  if (dollars === 0) return '$0';
  const [unit, suffix] = maxDollars >= 1e9 ? [1e9, 'B'] : maxDollars >= 1e6 ? [1e6, 'M'] : maxDollars >= 1e4 ? [1e3, 'K'] : [1, ''];
  const v = dollars / unit;
  const digits = Number.isInteger(Math.round(v * 1000) / 1000) ? 0 : Number.isInteger(Math.round(v * 100) / 10) ? 1 : 2;
  return `$${formatNumber(lang, v, digits)}${suffix}`;
}

export function formatPercent(lang: Lang, share: number, digits = 1): string {
  return share.toLocaleString(lang === 'es' ? 'es-US' : 'en-US', { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
}
