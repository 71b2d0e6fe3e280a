import { Form, Link, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { usersAction, usersData } from './work.users.server.ts';
import type { ActionResult } from '../lib/work-http.server.ts';
import { ScrollX } from '../components/scroll-x.tsx';
import { Notice } from '../components/work-notice.tsx';

export const meta: MetaFunction = () => [{ title: 'People and roles — Alliance District plans' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return usersData(request);
}

export async function action({ request }: ActionFunctionArgs) {
  return usersAction(request);
}

type Data = Awaited<ReturnType<typeof usersData>>;

function RoleFields({ roles, districts, idPrefix }: { roles: Data['roles']; districts: Data['districts']; idPrefix: string }) {
  return (
    <>
      <label className="usa-label" htmlFor={`${idPrefix}-role`}>
        Role
      </label>
      <select className="usa-select" id={`${idPrefix}-role`} name="role" required defaultValue="">
        <option value="" disabled>
          Choose a role
        </option>
        {roles.map((r) => (
          <option key={r.id} value={r.id}>
            {r.label}
            {r.district ? ' (one district)' : ' (statewide)'}
          </option>
        ))}
      </select>
      <label className="usa-label" htmlFor={`${idPrefix}-district`}>
        District (for a district role)
      </label>
      <select className="usa-select" id={`${idPrefix}-district`} name="district" defaultValue="">
        <option value="">None (statewide)</option>
        {districts.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </select>
    </>
  );
}

export default function Users() {
  const { users, roles, districts, me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <>
      <p>
        <Link to="/work">Back to the plans</Link>
      </p>
      <h1>People and roles</h1>
      <p>Every change here is written to the audit trail. A person may hold roles in several districts.</p>
      <Notice result={result} />

      <h2 id="invite">Invite a person</h2>
      <Form method="post" className="usa-form" aria-labelledby="invite">
        <input type="hidden" name="intent" value="invite" />
        <label className="usa-label" htmlFor="invite-name">
          Name
        </label>
        <input className="usa-input" id="invite-name" name="name" autoComplete="off" maxLength={200} required />
        <label className="usa-label" htmlFor="invite-email">
          E-mail
        </label>
        <input className="usa-input" id="invite-email" name="email" type="email" autoComplete="off" maxLength={200} required />
        <RoleFields roles={roles} districts={districts} idPrefix="invite" />
        <button className="usa-button" type="submit">
          Send the invitation
        </button>
      </Form>

      <h2>Accounts</h2>
      <ScrollX label={'Accounts'}>
        <table className="usa-table usa-table--compact usa-table--striped">
          <caption>Everyone with an account, and their roles</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Status</th>
              <th scope="col">Roles</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.name}</th>
                <td>{u.email}</td>
                <td>
                  {u.status}
                  {u.locked ? ' (locked after failed sign-ins)' : ''}
                  {u.id === me ? null : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value={u.status === 'disabled' ? 'enable' : 'disable'} />
                      <input type="hidden" name="userId" value={u.id} />{' '}
                      <button className="usa-button usa-button--unstyled" type="submit" aria-label={`${u.status === 'disabled' ? 'Enable' : 'Disable'} the account of ${u.name}`}>
                        {u.status === 'disabled' ? 'enable' : 'disable'}
                      </button>
                    </Form>
                  )}
                </td>
                <td>
                  <ul className="usa-list usa-list--unstyled">
                    {u.grants.map((g) => (
                      <li key={`${g.role}:${g.districtCode ?? ''}`}>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="userId" value={u.id} />
                          <input type="hidden" name="role" value={g.role} />
                          <input type="hidden" name="district" value={g.districtCode ?? ''} />
                          {g.label}{' '}
                          {u.id === me && g.role === 'state-admin' ? null : (
                            <button className="usa-button usa-button--unstyled" type="submit" aria-label={`Remove ${g.label} from ${u.name}`}>
                              remove
                            </button>
                          )}
                        </Form>
                      </li>
                    ))}
                  </ul>
                  <details>
                    <summary>Add a role for {u.name}</summary>
                    <Form method="post" className="usa-form">
                      <input type="hidden" name="intent" value="grant" />
                      <input type="hidden" name="userId" value={u.id} />
                      <RoleFields roles={roles} districts={districts} idPrefix={`grant-${u.id}`} />
                      <button className="usa-button usa-button--outline" type="submit">
                        Grant the role
                      </button>
                    </Form>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </>
  );
}
