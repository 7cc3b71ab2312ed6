import type { ApiBody, ApiItem, ApiQuery, ApiResponse } from '../../../platform/api/types.ts';

// Every type here is read from the generated schema (web/src/api/schema.generated.ts).

export type Plan = ApiItem<'/api/renewal/communities/{id}/plans'>;
export type PlanCreate = ApiBody<'/api/renewal/communities/{id}/plans'>;
export type Review = ApiItem<'/api/renewal/communities/{id}/plan-reviews'>;
export type ReviewCreate = ApiBody<'/api/renewal/communities/{id}/plan-reviews'>;
/** A line of a list of ballots (the programme's, a community's: the same columns). */
export type BallotRow = ApiItem<'/api/renewal/ballots'>;
export type BallotQuery = ApiQuery<'/api/renewal/ballots'>;
export type Ballot = ApiResponse<'/api/renewal/ballots/{id}'>;
export type BallotCreate = ApiBody<'/api/renewal/communities/{id}/ballots'>;
export type VoteLine = ApiItem<'/api/renewal/ballots/{id}/votes'>;
export type VoteCreate = ApiBody<'/api/renewal/ballots/{id}/votes'>;
export type LinkSheet = ApiResponse<'/api/renewal/ballots/{id}/links'>;
export type ResidentBallot = ApiResponse<'/api/resident/ballots/{token}'>;
export type ResidentReceipt = ApiResponse<'/api/resident/ballots/{token}', 'post'>;
export type Choice = ResidentReceipt['choice'];

/** Query keys: under 'renewal', so the module's one invalidation refreshes them too. */
export const bk = {
  all: ['renewal', 'ballots'] as const,
  plans: (communityId: string) => ['renewal', 'ballots', 'plans', communityId] as const,
  reviews: (communityId: string) => ['renewal', 'ballots', 'reviews', communityId] as const,
  ballots: (communityId: string) => ['renewal', 'ballots', 'list', communityId] as const,
  allBallots: (q: unknown) => ['renewal', 'ballots', 'all', q] as const,
  ballot: (id: string) => ['renewal', 'ballots', 'ballot', id] as const,
  votes: (id: string, q: unknown) => ['renewal', 'ballots', 'ballot', id, 'votes', q] as const,
  links: (id: string) => ['renewal', 'ballots', 'ballot', id, 'links'] as const,
};

export const BALLOT_READ = 'renewal.ballot.read';
export const BALLOT_WRITE = 'renewal.ballot.write';
