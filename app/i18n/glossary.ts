/** Terms a reader meets on this site, in English and Spanish. */
export const GLOSSARY: Record<'en' | 'es', readonly { term: string; definition: string }[]> = {
  en: [
    { term: 'Alliance district', definition: 'A school district for one of the towns with the lowest accountability index scores (the 33 lowest since FY2023), or one designated before. Part of its ECS aid is withheld until the Commissioner of Education approves its yearly improvement plan. C.G.S. § 10-262u(a)(1).' },
    { term: 'Accountability index', definition: 'Connecticut\'s summary score of a district or school under the Next Generation Accountability System: the percentage of points earned across up to 12 indicators (achievement, growth, attendance, graduation, college and career readiness, and more), 0 to 100.' },
    { term: 'District Performance Index (DPI)', definition: 'The measure Connecticut used before the accountability index, including for the first designation in 2012.' },
    { term: 'ECS (Education Cost Sharing)', definition: 'The state\'s main grant to towns for public schools. For an alliance district, the increase over a base year is the "alliance portion".' },
    { term: 'Alliance portion', definition: 'The part of an alliance district\'s ECS grant above its FY2012 grant (FY2022 for the 2022 designees). It is withheld until the district\'s plan is approved, and is paid to the school district, not the town. C.G.S. § 10-262u(c).' },
    { term: 'Earlier designee ("grandfathered")', definition: 'A district designated in an earlier cycle that stays an alliance district even though it is no longer among the lowest. Every district designated FY2013-FY2022 stays designated under PA 22-118.' },
    { term: 'Opportunity district', definition: 'An alliance district among the ten lowest accountability index scores when all towns are ranked; the statute calls it an "educational reform district". C.G.S. § 10-262u(a)(4).' },
    { term: 'Cutoff', definition: 'The highest index score designated by rank: the 33rd lowest eligible district\'s score under PA 22-118.' },
    { term: 'Fiscal year (FY)', definition: 'Connecticut\'s fiscal year runs July 1 to June 30 and is named by the June it ends in: FY2025 is July 2024 to June 2025, the 2024-25 school year.' },
    { term: 'Scenario', definition: 'A what-if change to the law, such as a different number of districts or a score threshold. Scenarios and proposals are not law; this site labels them.' },
  ],
  es: [
    { term: 'Distrito de la Alianza', definition: 'Un distrito escolar de uno de los municipios con los puntajes más bajos del índice de rendición de cuentas (los 33 más bajos desde FY2023), o uno designado antes. Parte de su ayuda ECS se retiene hasta que el Comisionado de Educación aprueba su plan anual de mejora. C.G.S. § 10-262u(a)(1).' },
    { term: 'Índice de rendición de cuentas', definition: 'El puntaje resumen de Connecticut para un distrito o escuela según el Sistema de Rendición de Cuentas de Nueva Generación: el porcentaje de puntos obtenidos en hasta 12 indicadores (rendimiento, crecimiento, asistencia, graduación, preparación universitaria y profesional, y más), de 0 a 100.' },
    { term: 'Índice de Rendimiento del Distrito (DPI)', definition: 'La medida que Connecticut usó antes del índice de rendición de cuentas, incluso en la primera designación de 2012.' },
    { term: 'ECS (Distribución del Costo de la Educación)', definition: 'La principal subvención del estado a los municipios para las escuelas públicas. Para un distrito de la Alianza, el aumento sobre un año base es la "porción de la Alianza".' },
    { term: 'Porción de la Alianza', definition: 'La parte de la subvención ECS de un distrito de la Alianza por encima de su subvención de FY2012 (FY2022 para los designados en 2022). Se retiene hasta que se aprueba el plan del distrito y se paga al distrito escolar, no al municipio. C.G.S. § 10-262u(c).' },
    { term: 'Designado anteriormente', definition: 'Un distrito designado en un ciclo anterior que sigue siendo distrito de la Alianza aunque ya no esté entre los más bajos. Todo distrito designado en FY2013-FY2022 sigue designado según PA 22-118.' },
    { term: 'Distrito de Oportunidad', definition: 'Un distrito de la Alianza entre los diez puntajes más bajos del índice cuando se ordenan todos los municipios; la ley lo llama "distrito de reforma educativa". C.G.S. § 10-262u(a)(4).' },
    { term: 'Corte', definition: 'El puntaje más alto designado por posición: el del distrito elegible número 33 más bajo según PA 22-118.' },
    { term: 'Año fiscal (FY)', definition: 'El año fiscal de Connecticut va del 1 de julio al 30 de junio y lleva el nombre del junio en que termina: FY2025 va de julio de 2024 a junio de 2025, el año escolar 2024-25.' },
    { term: 'Escenario', definition: 'Un cambio hipotético a la ley, como un número distinto de distritos o un umbral de puntaje. Los escenarios y las propuestas no son ley; este sitio los señala.' },
  ],
};
