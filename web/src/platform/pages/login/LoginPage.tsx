import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { LoginState } from '../../api/use-unauthorized.ts';
import { meQueryKey } from '../../auth/auth.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorText } from '../../widgets/error-text.ts';

/**
 * Sign in. Shows the server's own messages: wrong password with the attempts left (401),
 * lockout with the minutes to wait (423), disabled account (403), too many tries (429).
 * Built from plain elements (styled like the workbench) so the first page a user loads
 * carries no component library: see bench/REPORT.md for its size.
 */
export default function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const state = (location.state ?? {}) as LoginState;
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [pending, setPending] = useState(false);

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  const notice =
    state.reason === 'SESSION_EXPIRED'
      ? t('login.sessionExpired')
      : state.reason === 'SIGNED_OUT'
        ? t('login.signedOut')
        : null;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const gaps = { username: !username, password: !password };
    setMissing(gaps);
    if (gaps.username || gaps.password) return;
    setPending(true);
    setError(null);
    try {
      const me = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
      // Nothing cached for a previous user may leak into this session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'status' });
      queryClient.setQueryData(meQueryKey, me);
      navigate(state.from && state.from !== '/login' ? state.from : '/', { replace: true });
    } catch (err) {
      setError(errorText(err, t));
      setPending(false);
    }
  };

  const target = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <main className="gf-login">
      <div className="gf-login-lang">
        <button
          type="button"
          className="gf-plain-button"
          lang={target}
          title={t('lang.switchLabel')}
          onClick={() => void setLang(target)}
        >
          <svg aria-hidden="true" width="14" height="14" viewBox="0 0 24 24" className="gf-plain-icon">
            <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
            <path
              d="M2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            />
          </svg>
          {t('lang.switchTo')}
        </button>
      </div>
      <section className="gf-login-card" aria-labelledby="gf-login-title">
        <div className="gf-login-brand">
          <span className="gf-brand-mark gf-brand-mark-lg" aria-hidden>
            共
          </span>
          <div>
            <p className="gf-login-app">{t('app.name')}</p>
            <p className="gf-muted">{t('app.tagline')}</p>
          </div>
        </div>
        <h1 id="gf-login-title" className="gf-login-title">
          {t('login.title')}
        </h1>
        {notice && !error ? (
          <p className="gf-login-message gf-login-info" role="status">
            {notice}
          </p>
        ) : null}
        {error ? (
          <p className="gf-login-message gf-login-error" role="alert">
            {error}
          </p>
        ) : null}
        <form name="login" noValidate onSubmit={(e) => void submit(e)}>
          <div className="gf-login-field">
            <label htmlFor="login-username">{t('login.username')}</label>
            <input
              id="login-username"
              name="username"
              autoComplete="username"
              // biome-ignore lint/a11y/noAutofocus: the only task on this page is to sign in
              autoFocus
              aria-invalid={missing.username || undefined}
              aria-describedby={missing.username ? 'login-username-error' : undefined}
            />
            {missing.username ? (
              <span id="login-username-error" className="gf-login-field-error">
                {t('login.usernameRequired')}
              </span>
            ) : null}
          </div>
          <div className="gf-login-field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              aria-invalid={missing.password || undefined}
              aria-describedby={missing.password ? 'login-password-error' : undefined}
            />
            {missing.password ? (
              <span id="login-password-error" className="gf-login-field-error">
                {t('login.passwordRequired')}
              </span>
            ) : null}
          </div>
          <button type="submit" className="gf-login-submit" disabled={pending} aria-busy={pending}>
            {t('login.submit')}
          </button>
        </form>
      </section>
    </main>
  );
}
