import { maskName } from '@gongfu/domain/cn/mask';
import { sql } from 'kysely';
import { type AuditDefs, namesIn } from '../../../platform/kit/index.ts';

/**
 * What the audit log calls the renewal module's entries: its actions and the records they name
 * (the parts in oversight/, communities/ and ballots/ included). Exports and
 * imports of the Excel lists are labelled from the lists' titles by the core.
 */

const actions: AuditDefs['actions'] = {
  // projects, schedules, daily reports, issues
  'renewal.project.create': { zh: '登记城市更新项目', en: 'Register a renewal project' },
  'renewal.project.update': { zh: '修改城市更新项目', en: 'Update a renewal project' },
  'renewal.exception.add': { zh: '登记工期日历例外', en: 'Add a calendar exception' },
  'renewal.exception.remove': { zh: '删除工期日历例外', en: 'Remove a calendar exception' },
  'renewal.task.create': { zh: '新增任务', en: 'Add a task' },
  'renewal.task.update': { zh: '修改任务', en: 'Update a task' },
  'renewal.task.delete': { zh: '删除任务', en: 'Delete a task' },
  'renewal.link.create': { zh: '新增任务关联', en: 'Add a task link' },
  'renewal.link.update': { zh: '修改任务关联', en: 'Update a task link' },
  'renewal.link.delete': { zh: '删除任务关联', en: 'Delete a task link' },
  'renewal.replan': { zh: '按日报重排工期', en: 'Re-plan schedules from the daily reports' },
  'renewal.report.file': { zh: '填报工程日报', en: 'File a daily report' },
  'renewal.report.amend': { zh: '更正工程日报', en: 'Amend a daily report' },
  'renewal.issue.raise': { zh: '登记问题', en: 'Raise an issue' },
  'renewal.issue.update': { zh: '修改问题', en: 'Update an issue' },
  'renewal.issue.resolve': { zh: '问题已解决', en: 'Resolve an issue' },
  'renewal.issue.reopen': { zh: '重新打开问题', en: 'Reopen an issue' },
  // oversight: meetings, inspections, night work
  'renewal.meeting.create': { zh: '登记督查例会', en: 'Record a supervision meeting' },
  'renewal.meeting.update': { zh: '修改督查例会', en: 'Update a supervision meeting' },
  'renewal.action_item.create': { zh: '交办督办事项', en: 'Assign an action item' },
  'renewal.action_item.close': { zh: '督办事项办结', en: 'Close an action item' },
  'renewal.inspection.create': { zh: '记录安全巡查', en: 'Record a safety inspection' },
  'renewal.finding.create': { zh: '登记巡查隐患', en: 'Record a hazard finding' },
  'renewal.finding.reply': { zh: '隐患整改回复', en: 'Reply to a finding' },
  'renewal.finding.pass': { zh: '隐患复查通过', en: 'Pass a finding’s re-inspection' },
  'renewal.finding.fail': { zh: '隐患复查不通过', en: 'Fail a finding’s re-inspection' },
  'renewal.finding.close': { zh: '隐患销号', en: 'Close a finding' },
  'renewal.overdue.notify': { zh: '发送逾期提醒', en: 'Send overdue reminders' },
  'renewal.night_work.request': { zh: '申请夜间施工', en: 'Request night work' },
  'renewal.night_work.approve': { zh: '批准夜间施工', en: 'Approve night work' },
  'renewal.night_work.reject': { zh: '不予批准夜间施工', en: 'Refuse night work' },
  'renewal.night_work.notice': { zh: '发布夜间施工告知', en: 'Post a night-work notice' },
  'renewal.night_work.feedback': { zh: '登记居民反馈', en: 'Record residents’ feedback' },
  // communities and surveys
  'renewal.community.create': { zh: '登记老旧小区', en: 'Register a community' },
  'renewal.community.update': { zh: '修改老旧小区', en: 'Update a community' },
  'renewal.community.accept': { zh: '小区改造验收', en: 'Accept a community’s renovation' },
  'renewal.community.building.create': { zh: '新增楼幢', en: 'Add a building' },
  'renewal.community.building.update': { zh: '修改楼幢', en: 'Update a building' },
  'renewal.community.building.delete': { zh: '删除楼幢', en: 'Delete a building' },
  'renewal.community.unit.create': { zh: '新增房屋', en: 'Add a unit' },
  'renewal.community.unit.update': { zh: '修改房屋', en: 'Update a unit' },
  'renewal.community.unit.delete': { zh: '删除房屋', en: 'Delete a unit' },
  'renewal.community.owner.update': { zh: '修改业主信息', en: 'Update an owner' },
  'renewal.survey.create': { zh: '新建调查问卷', en: 'Create a survey' },
  'renewal.survey.update': { zh: '修改调查问卷', en: 'Update a survey' },
  'renewal.survey.open': { zh: '开始调查', en: 'Open a survey' },
  'renewal.survey.close': { zh: '结束调查', en: 'Close a survey' },
  'renewal.survey.publish': { zh: '公布调查结果', en: 'Publish a survey’s results' },
  'renewal.survey.links.view': { zh: '查看问卷链接', en: 'View survey links' },
  'renewal.survey.link.reissue': { zh: '重发问卷链接', en: 'Reissue a survey link' },
  'renewal.survey.response.online': { zh: '居民在线答卷', en: 'Online survey response' },
  'renewal.survey.response.paper': { zh: '录入纸质问卷', en: 'Enter a paper response' },
  'renewal.survey.response.bulk': { zh: '批量录入纸质问卷', en: 'Enter paper responses in bulk' },
  'renewal.survey.response.correct': { zh: '更正问卷答复', en: 'Correct a survey response' },
  // plans, plan reviews, ballots
  'renewal.plan.create': { zh: '新建改造方案', en: 'Create a renovation plan' },
  'renewal.plan.update': { zh: '修改改造方案', en: 'Update a renovation plan' },
  'renewal.plan.status': { zh: '改造方案状态变更', en: 'Change a plan’s status' },
  'renewal.plan.supersede': { zh: '改造方案被新版本取代', en: 'Supersede a plan by a new version' },
  'renewal.plan-review.create': { zh: '登记方案评审会', en: 'Record a plan review meeting' },
  'renewal.plan-review.update': { zh: '修改方案评审会', en: 'Update a plan review meeting' },
  'renewal.ballot.create': { zh: '发起业主表决', en: 'Prepare an owners’ ballot' },
  'renewal.ballot.update': { zh: '修改业主表决', en: 'Update an owners’ ballot' },
  'renewal.ballot.open': { zh: '开始表决', en: 'Open a ballot' },
  'renewal.ballot.close': { zh: '结束表决', en: 'Close a ballot' },
  'renewal.ballot.publish': { zh: '公布表决结果', en: 'Publish a ballot’s result' },
  'renewal.ballot.void': { zh: '作废表决', en: 'Void a ballot' },
  'renewal.ballot.reissue-link': { zh: '重发表决链接', en: 'Reissue a ballot link' },
  'renewal.ballot.vote.online': { zh: '业主在线投票', en: 'Online vote' },
  'renewal.ballot.vote.paper': { zh: '录入纸质表决票', en: 'Enter a paper vote' },
  'renewal.ballot.vote.proxy': { zh: '录入委托投票', en: 'Enter a proxy vote' },
  'renewal.ballot.vote.correct': { zh: '更正表决票', en: 'Correct a vote' },
  'renewal.ballot.vote.void': { zh: '作废表决票', en: 'Void a vote' },
};

/** The project a record belongs to, then `what` (e.g. its date): 「竹贤山庄改造 2026-03-02」. */
const ofProject = (table: string, what: ReturnType<typeof sql>) =>
  namesIn(table, sql`(select p.name from renewal_projects p where p.id = project_id) || ' ' || ${what}`);

const entities: AuditDefs['entities'] = {
  renewal_project: {
    label: { zh: '城市更新项目', en: 'Renewal project' },
    names: namesIn('renewal_projects'),
  },
  renewal_task: { label: { zh: '任务', en: 'Task' }, names: namesIn('renewal_tasks') },
  renewal_task_link: { label: { zh: '任务关联', en: 'Task link' } },
  renewal_schedule: { label: { zh: '工期计划', en: 'Schedules' } },
  renewal_daily_report: {
    label: { zh: '工程日报', en: 'Daily report' },
    names: ofProject('renewal_daily_reports', sql`report_date::text`),
  },
  renewal_issue: { label: { zh: '问题', en: 'Issue' }, names: namesIn('renewal_project_issues', 'title') },
  renewal_meeting: {
    label: { zh: '督查例会', en: 'Supervision meeting' },
    names: namesIn('renewal_meetings', 'title'),
  },
  renewal_action_item: {
    label: { zh: '督办事项', en: 'Action item' },
    names: namesIn('renewal_action_items', 'text'),
  },
  renewal_inspection: {
    label: { zh: '安全巡查', en: 'Safety inspection' },
    names: ofProject('renewal_inspections', sql`inspected_on::text`),
  },
  renewal_finding: {
    label: { zh: '巡查隐患', en: 'Hazard finding' },
    names: namesIn('renewal_findings', 'description'),
  },
  renewal_night_work: {
    label: { zh: '夜间施工', en: 'Night work' },
    names: ofProject('renewal_night_work', sql`first_night::text`),
  },
  renewal_community: { label: { zh: '老旧小区', en: 'Community' }, names: namesIn('renewal_communities') },
  renewal_community_unit: {
    label: { zh: '房屋', en: 'Unit' },
    names: namesIn(
      'renewal_community_units',
      sql`(select b.name from renewal_community_buildings b where b.id = building_id) || ' ' || entrance || ' ' || room`,
    ),
  },
  // owners are people: masked, as the auditor reads no personal data
  renewal_community_owner: {
    label: { zh: '业主', en: 'Owner' },
    names: namesIn('renewal_community_owners', 'name', maskName),
  },
  renewal_survey: { label: { zh: '调查问卷', en: 'Survey' }, names: namesIn('renewal_surveys', 'title') },
  // a response or a vote is never named: who answered what stays in the records
  renewal_survey_response: { label: { zh: '问卷答复', en: 'Survey response' } },
  renewal_plan: {
    label: { zh: '改造方案', en: 'Renovation plan' },
    names: namesIn('renewal_plans', sql`title || ' v' || version`),
  },
  renewal_plan_review: {
    label: { zh: '方案评审会', en: 'Plan review meeting' },
    names: namesIn(
      'renewal_plan_reviews',
      sql`(select c.name from renewal_communities c where c.id = community_id) || ' ' || held_on::text`,
    ),
  },
  renewal_ballot: {
    label: { zh: '业主表决', en: 'Owners’ ballot' },
    names: namesIn('renewal_ballots', 'question'),
  },
  renewal_ballot_vote: { label: { zh: '表决票', en: 'Vote' } },
};

export const renewalAudit: AuditDefs = { actions, entities };
