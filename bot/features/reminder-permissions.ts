/**
 * Who may manage reminders where: anyone in their own 1:1 chat; in a channel or group chat,
 * the configured managers (REMINDER_MANAGERS, Entra object ids) and team owners (the Teams
 * roster's userRole). A roster that cannot be read counts as "not an owner": we fail closed.
 */
import { TeamsInfo } from 'botbuilder';
import type { Turn } from '../route-types.ts';

export type Permission = { allowed: true } | { allowed: false; reason: 'not-manager' };

export async function canManageReminders(turn: Turn): Promise<Permission> {
  if (turn.scope.kind === 'personal') return { allowed: true };
  const from = turn.context.activity.from;
  if (from?.aadObjectId && turn.services.config.reminderManagers.includes(from.aadObjectId)) return { allowed: true };
  try {
    const teamId = (turn.context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    const member = teamId ? await TeamsInfo.getTeamMember(turn.context, teamId, from.id) : await TeamsInfo.getMember(turn.context, from.id);
    if (member?.userRole?.toLowerCase() === 'owner') return { allowed: true };
  } catch (err) {
    turn.services.logger.warn({ event: 'reminder.roster_unavailable', errName: (err as Error).name }, 'could not read the roster; treating as not an owner');
  }
  return { allowed: false, reason: 'not-manager' };
}
