import { useEffect, useState } from 'react';

interface Status {
  status: string;
  demo: boolean;
}

/** Placeholder home page until the workbench lands: shows that the server is up. */
export function Home() {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    fetch('/api/status')
      .then((r) => r.json() as Promise<Status>)
      .then(setStatus)
      .catch(() => setError(true));
  }, []);
  return (
    <main
      style={{
        fontFamily: 'system-ui, "WenQuanYi Micro Hei", sans-serif',
        maxWidth: 720,
        margin: '4rem auto',
        padding: '0 1rem',
      }}
    >
      {status?.demo && (
        <p
          role="status"
          style={{ background: '#fff7e6', border: '1px solid #ffd591', padding: '0.5rem 1rem' }}
        >
          演示模式：数据均为虚构 · Demo mode: all data is fictitious
        </p>
      )}
      <h1>共富工作台 Gongfu</h1>
      <p>面向县市共同富裕工作的协同平台 · A work platform for county common-prosperity programmes.</p>
      <p>
        服务状态 Server status: <strong>{error ? '无法连接 unreachable' : (status?.status ?? '…')}</strong>
      </p>
      <p>
        <a href="/api/docs">接口文档 API documentation</a>
      </p>
    </main>
  );
}
