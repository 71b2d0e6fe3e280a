import { Form, Link, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { tokensAction, tokensData } from './work.tokens.server.ts';
import { Notice } from '../components/work-notice.tsx';

export const meta: MetaFunction = () => [{ title: 'Personal access tokens — Alliance District plans' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return tokensData(request);
}

export async function action({ request }: ActionFunctionArgs) {
  return tokensAction(request);
}

export default function Tokens() {
  const { tokens } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/work">Back to the plans</Link>
      </p>
      <h1>Personal access tokens</h1>
      <p>
        A program can use the API with your permissions: send <code>Authorization: Bearer &lt;token&gt;</code>. See <a href="/api/docs">the API reference</a>.
      </p>
      <Notice result={result}>
        {result?.token ? (
          <p>
            <code>{result.token}</code>
          </p>
        ) : null}
      </Notice>
      <Form method="post" className="usa-form">
        <input type="hidden" name="intent" value="create" />
        <label className="usa-label" htmlFor="name">
          What will use it
        </label>
        <input className="usa-input" id="name" name="name" maxLength={80} required />
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">What it may do</legend>
          <div className="usa-radio">
            <input className="usa-radio__input" id="scope-read" type="radio" name="scope" value="read" defaultChecked />
            <label className="usa-radio__label" htmlFor="scope-read">
              Read only: see plans (GET requests)
            </label>
          </div>
          <div className="usa-radio">
            <input className="usa-radio__input" id="scope-workflow" type="radio" name="scope" value="workflow" />
            <label className="usa-radio__label" htmlFor="scope-workflow">
              Workflow: also take the plan actions your roles allow
            </label>
          </div>
        </fieldset>
        <button className="usa-button" type="submit">
          Create a token (90 days)
        </button>
      </Form>
      <p>A token works only for the API (addresses under /api/v1/); it never opens these pages. A password reset or a disabled account revokes every token.</p>
      <table className="usa-table usa-table--compact">
        <caption>Your tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">May</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id}>
              <th scope="row">{t.name}</th>
              <td>{t.scope === 'read' ? 'read' : 'read and act'}</td>
              <td>{t.createdAt.slice(0, 10)}</td>
              <td>{t.expiresAt?.slice(0, 10) ?? '—'}</td>
              <td>{t.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? 'never'}</td>
              <td>
                {t.revokedAt ? (
                  `revoked ${t.revokedAt.slice(0, 10)}`
                ) : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="id" value={t.id} />
                    <button className="usa-button usa-button--unstyled" type="submit" aria-label={`Revoke the token "${t.name}"`}>
                      revoke
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
