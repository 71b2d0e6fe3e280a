import { data, Form, redirect, useActionData, useSearchParams, type ActionFunctionArgs, type MetaFunction } from 'react-router';
import { DomainError } from '../../src/domain/errors.ts';
import { processResetRequests, requestPasswordReset, usePasswordToken } from '../../src/services/auth.service.ts';
import { clientIp, publicOrigin, sessionCookie } from '../lib/session.server.ts';
import { getStore } from '../lib/store.server.ts';

export const meta: MetaFunction = () => [{ title: 'Choose your password — Alliance District plans' }];

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const store = await getStore();
  if (form.get('intent') === 'reset') {
    // One write whatever the address, then the answer; the link goes out after (ADR 011).
    await requestPasswordReset(store, String(form.get('email') ?? '').slice(0, 200), publicOrigin(request));
    setImmediate(() => void processResetRequests(store).catch((e: unknown) => console.error('password reset requests:', e)));
    return { message: 'If an account uses that address, a link to reset the password is on its way.', error: null };
  }
  try {
    const session = await usePasswordToken(store, String(form.get('token') ?? ''), String(form.get('password') ?? '').slice(0, 500), clientIp(request));
    return redirect('/work', { headers: { 'Set-Cookie': sessionCookie(request, session.token, session.expiresAt) } });
  } catch (e) {
    if (e instanceof DomainError) return data({ message: null, error: e.message }, { status: 400 });
    throw e;
  }
}

export default function Welcome() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const token = params.get('token');
  return (
    <div className="grid-row">
      <div className="tablet:grid-col-6">
        {result?.error ? (
          <div className="usa-alert usa-alert--error" role="alert">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{result.error}</p>
            </div>
          </div>
        ) : null}
        {result?.message ? (
          <div className="usa-alert usa-alert--info" role="status">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{result.message}</p>
            </div>
          </div>
        ) : null}
        {token ? (
          <>
            <h1>Choose your password</h1>
            <p>At least 15 characters. A few unrelated words make a strong password that is easy to remember.</p>
            <Form method="post" className="usa-form">
              <input type="hidden" name="token" value={token} />
              <label className="usa-label" htmlFor="password">
                New password
              </label>
              <input className="usa-input" id="password" name="password" type="password" autoComplete="new-password" minLength={15} maxLength={128} required />
              <button className="usa-button" type="submit">
                Save and sign in
              </button>
            </Form>
          </>
        ) : (
          <>
            <h1>Reset your password</h1>
            <Form method="post" className="usa-form">
              <input type="hidden" name="intent" value="reset" />
              <label className="usa-label" htmlFor="email">
                E-mail
              </label>
              <input className="usa-input" id="email" name="email" type="email" autoComplete="username" required />
              <button className="usa-button" type="submit">
                Send me a link
              </button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
