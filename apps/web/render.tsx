import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv, Problem } from '../../kernel/http';
import { Layout } from './layout';
import { type WebSession, webSessionOf } from './session';

export function render(
  c: Context<AppEnv>,
  options: {
    title: string;
    section?: string;
    session: WebSession | null;
    status?: 200 | 400 | 403 | 404 | 409 | 422 | 500;
  },
  content: Child,
) {
  return c.html(
    <Layout title={options.title} session={options.session} section={options.section}>
      {content}
    </Layout>,
    options.status ?? 200,
  );
}

/** The signed-in person, or a redirect to sign in (coming back here afterwards). */
export function requireSession(c: Context<AppEnv>): WebSession | Response {
  const session = webSessionOf(c);
  if (session) return session;
  return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`);
}

/** A friendly page for a problem, with the reference a service desk needs — never a stack trace. */
export function renderProblemPage(c: Context<AppEnv>, problem: Problem) {
  const session = webSessionOf(c);
  return render(
    c,
    { title: problem.title, session, status: (problem.status === 401 ? 403 : problem.status) as 400 },
    <>
      <h1 class="nhsuk-heading-l">{problem.title}</h1>
      <p class="nhsuk-body">{problem.detail}</p>
      {problem.issues.length > 0 ? (
        <ul class="nhsuk-list nhsuk-list--bullet">
          {problem.issues.map((issue) => (
            <li>
              {issue.path}: {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      <p class="nhsuk-body-s">Reference: {problem.requestId}</p>
      <p class="nhsuk-body">
        <a href="/">Go to your home page</a>
      </p>
    </>,
  );
}
