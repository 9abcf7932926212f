// GET /v1/admin/report, admin only: this process's counters an operator watches (R35, R36).
import type { Hono } from 'hono';
import { unreadableReads } from '../../db/common/unreadable';
import { requireAdmin } from '../auth';
import { serverReportSchema } from '../schemas/report';
import type { TokenSessions } from '../security/tokenSessions';
import { answerParsed } from './answer';
import type { AppEnv } from './context';

export function reportRoute(app: Hono<AppEnv>, sessions: TokenSessions): void {
  app.get('/v1/admin/report', (c) => {
    requireAdmin(c.var.principal);
    return answerParsed(c, serverReportSchema, {
      unreadableReads: { ...unreadableReads() },
      streams: sessions.stats(),
    });
  });
}
