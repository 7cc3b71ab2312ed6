import { formatFen } from '@gongfu/domain/cn/money';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../../../platform/api/client.ts';
import { useResident } from '../../communities/resident/use-resident.ts';
import { ResidentLayout, ResidentMessage } from '../../communities/widgets/ResidentLayout.tsx';
import type { Choice, ResidentReceipt } from '../api.ts';
import '../ballots.css';

const CHOICES: Array<{ value: Choice; label: string }> = [
  { value: 'yes', label: '同意' },
  { value: 'no', label: '不同意' },
  { value: 'abstain', label: '弃权' },
];

const beijing = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' });

/**
 * An owner's ballot (问计于民) on a phone, through the one-time link /r/b/{token}, in Chinese and
 * without an account: the community and the owner's homes, the plan version with its items and
 * total cost, the question and its rule, three large buttons, a confirmation step, then a
 * receipt. A used, expired or withdrawn link shows the server's message, which says what to do.
 */
export default function BallotPage() {
  const { token = '' } = useParams();
  const ballot = useResident(token, (t) =>
    api.GET('/api/resident/ballots/{token}', { params: { path: { token: t } } }),
  );
  const [chosen, setChosen] = useState<Choice | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ResidentReceipt | null>(null);

  if (ballot.state === 'loading') return <ResidentMessage title="正在打开表决…" text="请稍候" />;
  if (ballot.state === 'error') return <ResidentMessage title="无法使用此链接" text={ballot.message} error />;
  if (receipt) {
    return (
      <ResidentLayout title="提交成功" subtitle={receipt.communityName} footer={ballot.data.organiser}>
        <div className="rs-card rs-message" role="status" data-testid="ballot-receipt">
          <p>感谢您参与小区改造方案表决！</p>
          <p>
            您的意见：<strong>{receipt.choiceName}</strong>（第 {receipt.planVersion} 版方案）
          </p>
          <p className="bl-receipt">回执编号：{receipt.receiptNo}</p>
          <p>如有疑问，请将回执编号告知社区工作人员。</p>
        </div>
      </ResidentLayout>
    );
  }
  const b = ballot.data;
  const submit = async () => {
    if (!chosen) return;
    setSending(true);
    setError(null);
    try {
      const r = await api.POST('/api/resident/ballots/{token}', {
        params: { path: { token } },
        body: { choice: chosen },
      });
      if (r.data) setReceipt(r.data);
      else setError((r.error as { message?: string } | undefined)?.message ?? '提交失败，请稍后重试。');
    } catch {
      setError('网络连接失败，请检查网络后重试。');
    } finally {
      setSending(false);
    }
  };
  return (
    <ResidentLayout
      title="业主表决"
      subtitle={`${b.communityName} · ${b.units.join('；')}（${b.ownerName}）`}
      footer={b.organiser}
    >
      <section className="rs-card" aria-labelledby="bl-plan">
        <h2 id="bl-plan" className="bl-h2">
          改造方案（第 {b.plan.version} 版）
        </h2>
        <p>
          <strong>{b.plan.title}</strong>
        </p>
        {b.plan.summary ? <p>{b.plan.summary}</p> : null}
        <table className="bl-items">
          <tbody>
            {b.plan.items.map((i) => (
              <tr key={i.name}>
                <td>
                  {i.name}
                  {i.quantity ? <div className="bl-small">{i.quantity}</div> : null}
                </td>
                <td>{formatFen(i.costFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <strong>总造价约 {formatFen(b.plan.totalCostFen)}</strong>
        </p>
      </section>
      <section className="rs-card" aria-labelledby="bl-question">
        <h2 id="bl-question" className="bl-h2">
          表决事项
        </h2>
        <p data-testid="ballot-question">{b.question}</p>
        <p className="bl-small">
          表决规则：{b.matterName}
          <br />
          截止时间：{beijing(b.closesAt)}
        </p>
      </section>
      {error ? (
        <div className="rs-card rs-error" role="alert">
          {error}
        </div>
      ) : null}
      {chosen === null ? (
        <section className="rs-card" aria-label="请选择您的意见">
          <p>请选择您的意见：</p>
          {CHOICES.map((c) => (
            <button
              key={c.value}
              type="button"
              className={`rs-button bl-choice bl-choice-${c.value}`}
              onClick={() => setChosen(c.value)}
            >
              {c.label}
            </button>
          ))}
        </section>
      ) : (
        <section className="rs-card" aria-labelledby="bl-confirm">
          <h2 id="bl-confirm" className="bl-h2">
            请确认您的选择
          </h2>
          <p>
            您选择了「<strong>{CHOICES.find((c) => c.value === chosen)?.label}</strong>」。提交后不能修改。
          </p>
          <button
            type="button"
            className="rs-button bl-choice"
            disabled={sending}
            onClick={() => void submit()}
          >
            {sending ? '正在提交…' : '确认提交'}
          </button>
          <button
            type="button"
            className="rs-button bl-choice bl-back"
            disabled={sending}
            onClick={() => setChosen(null)}
          >
            返回修改
          </button>
        </section>
      )}
    </ResidentLayout>
  );
}
