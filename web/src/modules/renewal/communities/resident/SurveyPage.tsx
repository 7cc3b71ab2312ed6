import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../../../platform/api/client.ts';
import type { ApiResponse } from '../../../../platform/api/types.ts';
import { ResidentLayout, ResidentMessage } from '../widgets/ResidentLayout.tsx';
import { useResident } from './use-resident.ts';

type Survey = ApiResponse<'/api/resident/surveys/{token}'>;
type Question = Survey['questions'][number];
interface Answer {
  optionIds: string[];
  rating?: number;
  text: string;
}

const RATING_WORDS = ['很不满意', '不满意', '一般', '满意', '非常满意'];

/** A resident answers a survey (问需/问效) by a one-time link, on a phone, in Chinese, without an account. */
export default function SurveyPage() {
  const { token = '' } = useParams();
  const survey = useResident(token, (t) =>
    api.GET('/api/resident/surveys/{token}', { params: { path: { token: t } } }),
  );
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [sending, setSending] = useState(false);
  /** The server's refusal, or a network failure: stays until the next submission. */
  const [error, setError] = useState<string | null>(null);
  /** The required question a submission found unanswered: its message goes once it is answered. */
  const [missingId, setMissingId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (survey.state === 'loading') return <ResidentMessage title="正在打开问卷…" text="请稍候" />;
  if (survey.state === 'error') return <ResidentMessage title="无法打开问卷" text={survey.message} error />;
  const s = survey.data;
  if (done) return <ResidentMessage title="提交成功" text={done} footer={s.organiser} />;
  const answerOf = (q: Question): Answer => answers[q.id] ?? { optionIds: [], text: '' };
  const set = (q: Question, a: Partial<Answer>) =>
    setAnswers({ ...answers, [q.id]: { ...answerOf(q), ...a } });
  const unanswered = (q: Question) => {
    const a = answerOf(q);
    return (
      q.required &&
      (q.kind === 'rating'
        ? a.rating === undefined
        : q.kind === 'text'
          ? !a.text.trim()
          : a.optionIds.length === 0)
    );
  };
  const missing = s.questions.find((q) => q.id === missingId && unanswered(q));
  const message = missing ? `请回答第 ${missing.position} 题` : error;

  const submit = async () => {
    setError(null);
    const first = s.questions.find(unanswered);
    setMissingId(first?.id ?? null);
    if (first) {
      document.getElementById(`q-${first.id}`)?.scrollIntoView({ behavior: 'smooth' });
      return;
    }
    setSending(true);
    const r = await api
      .POST('/api/resident/surveys/{token}', {
        params: { path: { token } },
        body: {
          answers: s.questions.map((q) => {
            const a = answerOf(q);
            return {
              questionId: q.id,
              ...(q.kind === 'single' || q.kind === 'multiple' ? { optionIds: a.optionIds } : {}),
              ...(q.kind === 'rating' && a.rating !== undefined ? { rating: a.rating } : {}),
              ...(q.kind === 'text' && a.text.trim() ? { text: a.text.trim() } : {}),
            };
          }),
        },
      })
      .catch(() => ({ data: undefined, error: { message: '网络连接失败，请稍后重试' } }));
    setSending(false);
    if (r.data) setDone(r.data.message);
    else setError((r.error as { message?: string } | undefined)?.message ?? '提交失败，请稍后重试');
  };

  return (
    <ResidentLayout title={s.title} subtitle={`${s.communityName} · ${s.unitLabel}`} footer={s.organiser}>
      {s.intro ? <div className="rs-card">{s.intro}</div> : null}
      {s.questions.map((q) => (
        <div className="rs-card" key={q.id} id={`q-${q.id}`}>
          <fieldset>
            <legend>
              {q.position}. {q.text}
              {q.required ? <span className="rs-required"> *</span> : null}
              {q.kind === 'multiple' ? '（可多选）' : ''}
            </legend>
            {q.kind === 'single' || q.kind === 'multiple'
              ? q.options.map((o) => {
                  const a = answerOf(q);
                  const checked = a.optionIds.includes(o.id);
                  return (
                    <label className="rs-choice" key={o.id}>
                      <input
                        type={q.kind === 'single' ? 'radio' : 'checkbox'}
                        name={q.id}
                        checked={checked}
                        onChange={() =>
                          set(q, {
                            optionIds:
                              q.kind === 'single'
                                ? [o.id]
                                : checked
                                  ? a.optionIds.filter((x) => x !== o.id)
                                  : [...a.optionIds, o.id],
                          })
                        }
                      />
                      {o.label}
                    </label>
                  );
                })
              : null}
            {q.kind === 'rating' ? (
              <div className="rs-rating">
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n} title={RATING_WORDS[n - 1]}>
                    <input
                      type="radio"
                      name={q.id}
                      aria-label={`${n}分 ${RATING_WORDS[n - 1]}`}
                      checked={answerOf(q).rating === n}
                      onChange={() => set(q, { rating: n })}
                    />
                    {n}
                  </label>
                ))}
              </div>
            ) : null}
            {q.kind === 'rating' ? <p>1 很不满意 — 5 非常满意</p> : null}
            {q.kind === 'text' ? (
              <textarea
                rows={4}
                maxLength={500}
                aria-label={q.text}
                value={answerOf(q).text}
                onChange={(e) => set(q, { text: e.target.value })}
              />
            ) : null}
          </fieldset>
        </div>
      ))}
      {message ? (
        <p className="rs-error" role="alert">
          {message}
        </p>
      ) : null}
      <button type="button" className="rs-button" disabled={sending} onClick={() => void submit()}>
        {sending ? '正在提交…' : '提交'}
      </button>
      <p className="rs-footer">每户只能提交一次，提交后不能修改。</p>
    </ResidentLayout>
  );
}
