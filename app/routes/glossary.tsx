import type { MetaFunction } from 'react-router';
import { GLOSSARY } from '../i18n/glossary.ts';
import { langOfPath, translate } from '../i18n/messages.ts';
import { useLang, useT } from '../root.tsx';

export const meta: MetaFunction = ({ location }) => {
  const lang = langOfPath(location.pathname);
  return [{ title: `${translate(lang, 'glossary.title')} — ${translate(lang, 'site.title')}` }];
};

export default function Glossary() {
  const lang = useLang();
  const t = useT();
  return (
    <>
      <h1>{t('glossary.title')}</h1>
      <dl className="usa-prose">
        {GLOSSARY[lang].map((g) => (
          <div key={g.term}>
            <dt>
              <strong>{g.term}</strong>
            </dt>
            <dd>{g.definition}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
