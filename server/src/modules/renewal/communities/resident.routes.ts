import type { GongfuApp, PlatformServices } from '../../../platform/kit/index.ts';
import { unitLabel } from './community.rules.ts';
import { presentQuestion } from './survey.routes.ts';
import { AnswersBody, ResidentSubmitted, ResidentSurveyView, TokenParams } from './survey.schemas.ts';
import { openResidentSurvey, submitResidentSurvey } from './survey.service.ts';

/**
 * Residents' survey pages (no account): a one-time link opens the survey of the resident's own
 * unit, and submitting uses the link up. Nothing of other residents is ever returned. The routes
 * are public and rate-limited per address.
 */

const tags = ['resident'];
/** Generous for a household on one phone, tight for guessing links. */
const RESIDENT_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

export function residentRoutes(app: GongfuApp, s: PlatformServices) {
  app.get(
    '/api/resident/surveys/:token',
    {
      config: { access: { public: true }, rateLimit: RESIDENT_RATE_LIMIT },
      schema: {
        tags,
        summary: '居民问卷 The survey a resident’s one-time link opens',
        params: TokenParams,
        response: { 200: ResidentSurveyView },
      },
    },
    async (req) => {
      const r = await openResidentSurvey(s, req.params.token);
      return {
        title: r.survey.title,
        intro: r.survey.intro,
        phase: r.survey.phase,
        communityName: r.community.name,
        unitLabel: unitLabel(r.unit),
        organiser: r.organiser,
        expiresAt: r.expiresAt.toISOString(),
        questions: r.questions.map((q) => presentQuestion(q, req.ctx.lang)),
      };
    },
  );

  app.post(
    '/api/resident/surveys/:token',
    {
      config: { access: { public: true }, rateLimit: RESIDENT_RATE_LIMIT },
      schema: {
        tags,
        summary: '提交问卷 A resident submits the answers (the link is then used up)',
        params: TokenParams,
        body: AnswersBody,
        response: { 201: ResidentSubmitted },
      },
    },
    async (req, reply) => {
      await submitResidentSurvey(s, req.ctx, req.params.token, req.body.answers);
      reply.status(201);
      return {
        ok: true,
        message:
          req.ctx.lang === 'en'
            ? 'Thank you: your answers have been received.'
            : '提交成功，感谢您的参与！您的意见已收到。',
      };
    },
  );
}
