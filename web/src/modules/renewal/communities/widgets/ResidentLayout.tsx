import type { ReactNode } from 'react';
import './resident.css';

/**
 * The frame of every resident page (问需/问效 surveys, 问计 ballots) opened by a one-time link on
 * a phone: a green header with the title and a subtitle (the community and the resident's own
 * unit), large text, no app shell and no antd, so the page stays light on a slow connection.
 * The footer names who runs the survey or ballot, as the server says (`organiser`: the project's
 * owner organisation, or the bureau of the community's county); no footer before that is known.
 */
export function ResidentLayout({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="rs-page" lang="zh-CN">
      <header className="rs-header">
        <h1>{title}</h1>
        {subtitle ? <p>{subtitle}</p> : null}
      </header>
      <main className="rs-main">{children}</main>
      {footer ? <footer className="rs-footer">{footer}</footer> : null}
    </div>
  );
}

/** A full-page message on a resident page: done, or why the link cannot be used. */
export function ResidentMessage({
  title,
  text,
  error,
  footer,
}: {
  title: string;
  text: string;
  error?: boolean;
  footer?: ReactNode;
}) {
  return (
    <ResidentLayout title={title} footer={footer}>
      <div className="rs-card rs-message" role={error ? 'alert' : 'status'}>
        <p className={error ? 'rs-error' : undefined}>{text}</p>
      </div>
    </ResidentLayout>
  );
}
