import type { ReactNode } from 'react';
import { isRouteErrorResponse, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteError, type LinksFunction } from 'react-router';
import { langOfPath, localPath, switchLangPath, translate, type Lang, type MessageKey } from './i18n/messages.ts';
import { useNonce } from './lib/nonce.ts';
import styles from './styles/app.scss?url';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

/** The language of the page being shown, from its address. */
export function useLang(): Lang {
  return langOfPath(useLocation().pathname);
}

/** Translation for the page's language. */
export function useT(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const lang = useLang();
  return (key, vars) => translate(lang, key, vars);
}

const NAV: readonly [path: string, key: MessageKey][] = [
  ['/', 'nav.home'],
  ['/districts', 'nav.districts'],
  ['/designations', 'nav.designations'],
  ['/evaluation', 'nav.evaluation'],
  ['/scenarios', 'nav.scenarios'],
  ['/about', 'nav.about'],
  ['/glossary', 'nav.glossary'],
];

function Header() {
  const location = useLocation();
  const lang = langOfPath(location.pathname);
  const t = (k: MessageKey) => translate(lang, k);
  const bare = lang === 'es' ? location.pathname.slice(3) || '/' : location.pathname;
  const current = (path: string) => (path === '/' ? bare === '/' : bare === path || bare.startsWith(`${path}/`));
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        {t('site.skip')}
      </a>
      <header className="site-header">
        <div className="site-banner">
          <div className="grid-container">{t('site.banner')}</div>
        </div>
        <div className="grid-container padding-top-2">
          {/* The signed-in work area is in English for now: no Spanish twin to switch to. */}
          {location.pathname === '/work' || location.pathname.startsWith('/work/') ? null : (
            <p className="site-lang">
              <a href={switchLangPath(location.pathname, location.search)} lang={lang === 'en' ? 'es' : 'en'} hrefLang={lang === 'en' ? 'es' : 'en'}>
                {t('site.otherLanguage')}
              </a>
            </p>
          )}
          <p className="site-header__title">
            <Link to={localPath(lang, '/')}>{t('site.title')}</Link>
          </p>
          <p className="site-header__tagline">{t('site.tagline')}</p>
          <nav className="site-nav" aria-label={t('nav.main')}>
            <ul>
              {NAV.map(([path, key]) => (
                <li key={path}>
                  <Link to={localPath(lang, path)} aria-current={current(path) ? 'page' : undefined}>
                    {t(key)}
                  </Link>
                </li>
              ))}
              <li>
                <Link to={localPath(lang, '/api/docs')} aria-current={bare === '/api/docs' ? 'page' : undefined}>
                  {t('nav.api')}
                </Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
    </>
  );
}

function Footer() {
  const lang = useLang();
  return (
    <footer className="site-footer">
      <div className="grid-container">
        <p>{translate(lang, 'footer.source')}</p>
        <p>{translate(lang, 'footer.code')}</p>
      </div>
    </footer>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const lang = useLang();
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Header />
        <main id="main-content" tabIndex={-1}>
          <div className="grid-container">{children}</div>
        </main>
        <Footer />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const lang = useLang();
  const t = (k: MessageKey) => translate(lang, k);
  let title = t('error.title');
  let message = '';
  if (isRouteErrorResponse(error)) {
    title = error.status === 404 ? t('error.notFound') : error.status === 403 ? t('error.forbidden') : error.status === 400 ? t('error.badRequest') : t('error.title');
    const d = error.data as unknown;
    message = typeof d === 'string' ? d : d && typeof d === 'object' && typeof (d as { message?: unknown }).message === 'string' ? (d as { message: string }).message : error.statusText;
  } else if (error instanceof Error && import.meta.env.DEV) {
    message = error.message;
  }
  return (
    <>
      <title>{`${title} — ${t('site.title')}`}</title>
      <h1>{title}</h1>
      {message ? <p className="usa-intro">{message}</p> : null}
      <p>
        <Link to={localPath(lang, '/')}>{t('error.back')}</Link>
      </p>
    </>
  );
}
