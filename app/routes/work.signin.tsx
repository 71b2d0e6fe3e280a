import { data, Form, redirect, useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { AuthError, signIn } from '../../src/services/auth.service.ts';
import { isOidcRefusal, oidcButtonLabel, oidcMessage, safeNext } from '../../src/services/oidc.service.ts';
import { clientIp, sessionCookie } from '../lib/session.server.ts';
import { getStore } from '../lib/store.server.ts';

export const meta: MetaFunction = () => [{ title: 'Sign in — Alliance District plans' }];

/**
 * The identity provider's button when OIDC is configured, and why a sign-in through it was
 * refused: the callback sends a fixed code, mapped to a fixed message here (never echoed).
 */
export function loader({ request }: LoaderFunctionArgs) {
  const error = new URL(request.url).searchParams.get('error');
  return { oidcLabel: oidcButtonLabel(process.env), oidcError: isOidcRefusal(error) ? oidcMessage(error, process.env) : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '').slice(0, 200);
  const password = String(form.get('password') ?? '').slice(0, 500);
  try {
    const session = await signIn(await getStore(), { email, password, ip: clientIp(request), userAgent: request.headers.get('user-agent') ?? '' });
    return redirect(safeNext(String(form.get('next') ?? '')), { headers: { 'Set-Cookie': sessionCookie(request, session.token, session.expiresAt) } });
  } catch (e) {
    if (e instanceof AuthError) return data({ error: e.message, email }, { status: e.code === 'auth_throttled' ? 429 : 401 });
    throw e;
  }
}

export default function SignIn() {
  const result = useActionData<typeof action>();
  const { oidcLabel, oidcError } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const error = result?.error ?? oidcError;
  return (
    <div className="grid-row">
      <div className="tablet:grid-col-6">
        <h1>Sign in</h1>
        <p>For state program staff, the commissioner's office and district staff working on Alliance plans.</p>
        {params.get('signedout') && !result ? (
          <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
            <div className="usa-alert__body">
              <p className="usa-alert__text">You are signed out.</p>
            </div>
          </div>
        ) : null}
        {error ? (
          <div className="usa-alert usa-alert--error" role="alert">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{error}</p>
            </div>
          </div>
        ) : null}
        {oidcLabel ? (
          <>
            {/* A plain link: the start is a full page load that leaves for the provider. */}
            <p>
              <a className="usa-button" href={`/work/oidc/start?next=${encodeURIComponent(params.get('next') ?? '/work')}`}>
                {oidcLabel}
              </a>
            </p>
            <p>Or with your e-mail and password:</p>
          </>
        ) : null}
        <Form method="post" className="usa-form">
          <input type="hidden" name="next" value={params.get('next') ?? '/work'} />
          <label className="usa-label" htmlFor="email">
            E-mail
          </label>
          <input className="usa-input" id="email" name="email" type="email" autoComplete="username" required defaultValue={result?.email ?? ''} />
          <label className="usa-label" htmlFor="password">
            Password
          </label>
          <input className="usa-input" id="password" name="password" type="password" autoComplete="current-password" required />
          <button className="usa-button" type="submit">
            Sign in
          </button>
        </Form>
        <p>
          <a href="/work/welcome?reset=1">Forgot your password?</a>
        </p>
      </div>
    </div>
  );
}
