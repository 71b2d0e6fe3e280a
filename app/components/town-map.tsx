/**
 * Connecticut's 169 towns, each shaded by its local district's alliance status. Each status has
 * a pattern as well as a colour, a legend names them, and a table lists every town.
 */
import { useId } from 'react';
import { ChartTable } from './charts.tsx';

export interface MapTown {
  readonly townCode: number;
  readonly name: string;
  readonly path: string;
  readonly status: string | null;
}

export interface TownMapProps {
  readonly title: string;
  readonly summary: string;
  readonly width: number;
  readonly height: number;
  readonly towns: readonly MapTown[];
  /** The statuses in legend order, each with its label. */
  readonly statuses: readonly { key: string; label: string }[];
  readonly otherLabel: string;
  readonly tableLabels: { caption: string; town: string; status: string; summary: string };
}

const FILLS = ['url(#p0)', 'url(#p1)', 'url(#p2)', 'url(#p3)'];
const COLORS = ['#1a4480', '#c05600', '#538200', '#5c1111'];

function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}p0`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#d9e8f6" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={COLORS[0]} strokeWidth="3" />
      </pattern>
      <pattern id={`${prefix}p1`} patternUnits="userSpaceOnUse" width="6" height="6">
        <rect width="6" height="6" fill="#f3e1c4" />
        <circle cx="3" cy="3" r="1.6" fill={COLORS[1]} />
      </pattern>
      <pattern id={`${prefix}p2`} patternUnits="userSpaceOnUse" width="6" height="6">
        <rect width="6" height="6" fill="#e7f4e4" />
        <path d="M0,3H6M3,0V6" stroke={COLORS[2]} strokeWidth="1.5" />
      </pattern>
      <pattern id={`${prefix}p3`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(-45)">
        <rect width="6" height="6" fill="#f8e1de" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={COLORS[3]} strokeWidth="2" />
      </pattern>
    </defs>
  );
}

export function TownMap({ title, summary, width, height, towns, statuses, otherLabel, tableLabels }: TownMapProps) {
  const id = useId().replace(/:/g, '');
  const fill = (status: string | null) => {
    const i = statuses.findIndex((s) => s.key === status);
    return i >= 0 ? FILLS[i % FILLS.length]!.replace('#', `#${id}`) : '#f0f0f0';
  };
  const label = (status: string | null) => statuses.find((s) => s.key === status)?.label ?? otherLabel;
  return (
    <figure className="figure">
      <figcaption id={`${id}-t`}>{title}</figcaption>
      <ul className="map-legend">
        {statuses.map((s, i) => (
          <li key={s.key}>
            <svg width="22" height="16" aria-hidden="true">
              <Patterns prefix={`${id}l${i}`} />
              <rect width="22" height="16" fill={`url(#${id}l${i}p${i % FILLS.length})`} stroke="#1b1b1b" />
            </svg>
            {s.label}
          </li>
        ))}
        <li>
          <svg width="22" height="16" aria-hidden="true">
            <rect width="22" height="16" fill="#f0f0f0" stroke="#1b1b1b" />
          </svg>
          {otherLabel}
        </li>
      </ul>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} width={width} height={height}>
        <desc id={`${id}-d`}>{summary}</desc>
        <Patterns prefix={id} />
        {towns.map((t) => (
          <path key={t.townCode} d={t.path} fill={fill(t.status)} stroke="#565c65" strokeWidth="0.8">
            <title>{`${t.name}: ${label(t.status)}`}</title>
          </path>
        ))}
      </svg>
      <p className="chart-summary">{summary}</p>
      <ChartTable
        caption={tableLabels.caption}
        summaryLabel={tableLabels.summary}
        columns={[tableLabels.town, tableLabels.status]}
        rows={towns.map((t) => [t.name, label(t.status)])}
      />
    </figure>
  );
}
