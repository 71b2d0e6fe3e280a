import type { MetaFunction } from 'react-router';
import { useLang } from '../root.tsx';
import { OPENAPI } from '../lib/openapi.ts';

export const meta: MetaFunction = () => [{ title: 'Open data API — Alliance Districts in Connecticut' }];

type Operation = { summary: string; description?: string; parameters?: readonly Param[]; security?: unknown };
type Param = { name: string; in: string; required?: boolean; example?: unknown; description?: string; schema?: { enum?: readonly string[]; type?: string | readonly string[]; pattern?: string } };

const ES_INTRO =
  'Los distritos de la Alianza de Connecticut: designaciones según cada ley vigente y cada propuesta, con sus razones; la retención de ECS por municipio y año fiscal; las medidas de cada distrito. No se necesita clave. El dinero va en centavos enteros. Cada respuesta nombra sus fuentes y licencias. La referencia técnica que sigue está en inglés.';

export default function ApiDocs() {
  const lang = useLang();
  return (
    <>
      <h1>{lang === 'es' ? 'API de datos abiertos' : OPENAPI.info.title}</h1>
      <p className="usa-intro">{lang === 'es' ? ES_INTRO : OPENAPI.info.description}</p>
      <p>
        {lang === 'es' ? 'Descripción legible por máquina:' : 'Machine-readable description:'} <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI {OPENAPI.openapi}).
      </p>
      {Object.entries(OPENAPI.paths).flatMap(([path, methods]) =>
        Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
      ).map(({ path, method, op }) => {
        const signedIn = Boolean(op.security);
        const example = `${path.replace('{code}', '0640011')}${(op.parameters ?? []).filter((p) => p.in === 'query' && p.example !== undefined).map((p, i) => `${i ? '&' : '?'}${p.name}=${String(p.example)}`).join('')}`;
        return (
          <section key={`${method} ${path}`} aria-labelledby={`p-${method}-${path}`} lang="en">
            <h2 id={`p-${method}-${path}`}>
              <code>
                {method.toUpperCase()} {path}
              </code>
              {signedIn ? ' (signed in)' : ''}
            </h2>
            <p>{op.summary}</p>
            {op.description ? <p>{op.description}</p> : null}
            {op.parameters?.length ? (
              <table className="usa-table usa-table--compact">
                <caption>
                  Parameters of {method.toUpperCase()} {path}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">In</th>
                    <th scope="col">Values</th>
                    <th scope="col">Description</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={p.name}>
                      <th scope="row">
                        <code>{p.name}</code>
                        {p.required ? ' (required)' : ''}
                      </th>
                      <td>{p.in}</td>
                      <td>{p.schema?.enum ? p.schema.enum.join(', ') : p.schema?.pattern ? `pattern ${p.schema.pattern}` : String(p.schema?.type ?? '')}</td>
                      <td>
                        {p.description ?? ''}
                        {p.example !== undefined ? ` Example: ${String(p.example)}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {method === 'get' && !signedIn ? (
              <p>
                Try it: <a href={example}>{example}</a>
              </p>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
