import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { outboxData } from './work.outbox.server.ts';

export const meta: MetaFunction = () => [{ title: 'Outbox — Alliance District plans' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return outboxData(request);
}

export default function Outbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/work">Back to the plans</Link>
      </p>
      <h1>Outbox</h1>
      <p>In development, the messages the system sends by e-mail (over SMTP when SMTP_URL is set; otherwise they wait here).</p>
      {messages.map((m) => (
        <article key={m.id} className="usa-card__container margin-bottom-2 padding-2">
          <h2 className="font-sans-md">{m.subject}</h2>
          <p>
            To {m.to} · {m.kind} · {m.createdAt.slice(0, 16).replace('T', ' ')}
            {m.sentAt ? ` · sent ${m.sentAt.slice(0, 16).replace('T', ' ')}` : ' · not sent'}
            {m.error ? ` · after ${m.attempts} attempt(s): ${m.error}` : ''}
          </p>
          <pre className="font-mono-3xs">{m.body}</pre>
        </article>
      ))}
    </>
  );
}
