import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiPageResponse, type Page } from '../../../platform/http/index.js';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import {
  BoardSessionDto,
  CloseAcceptedDto,
  CloseResultDto,
  CloseRunDetailDto,
  CloseRunDto,
  CloseRunsQueryDto,
  RunDateParamDto,
  CloseUntilDto,
  CloseWaitQueryDto,
} from '../dto/close-of-business.dto.js';
import { type BoardSession, BullBoardAuth } from '../services/bull-board-auth.service.js';
import type { CloseAnswer } from '../services/close-of-business.service.js';
import { CloseOfBusinessService } from '../services/close-of-business.service.js';

/** 200 with the result when the close was waited for, 202 with the run (and its Location) when it was only enqueued or is still closing. */
function answer(reply: FastifyReply, a: CloseAnswer): CloseAnswer['body'] {
  void reply.status(a.status);
  if (a.status === 202 && a.body.location) void reply.header('location', a.body.location);
  return a.body;
}

/** The board session goes out as an HttpOnly cookie scoped to /admin/queues, and in the body. */
function withCookie(reply: FastifyReply, { cookie, ...session }: BoardSession): Omit<BoardSession, 'cookie'> {
  void reply.header('set-cookie', cookie);
  return session;
}

@ApiTags('close-of-business')
@Controller('close-of-business')
export class CloseOfBusinessController {
  constructor(
    private readonly close: CloseOfBusinessService,
    private readonly board: BullBoardAuth,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Close every open business day up to `until`, in order (waits; ?wait=false answers 202 with the run)',
    description:
      'Waits at most CLOSE_WAIT_TIMEOUT_SECONDS (default 300) for the last day to close, then answers 202 with the run still closing ' +
      'and its Location, exactly as ?wait=false does; the close goes on. A run whose job is lost in Redis is enqueued again by the sweep.',
  })
  @ApiOkResponse({ type: CloseResultDto, description: 'Every day through `until` closed within the wait' })
  @ApiAcceptedResponse({
    type: CloseAcceptedDto,
    description: '?wait=false, or the wait ran out: the run now closing',
    headers: {
      Location: { description: 'GET this for the run’s progress: /api/v1/close-of-business/runs/{runDate}', schema: { type: 'string', maxLength: 64 } },
    },
  })
  async closeUntil(
    @CurrentActor() actor: Actor,
    @Body() dto: CloseUntilDto,
    @Query() q: CloseWaitQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CloseAnswer['body']> {
    return answer(reply, await this.close.closeUntil(actor, dto.until, q.wait));
  }

  @Get('runs')
  // Read by all staff: the home page shows the last close to officers and approvers, who follow it on /close.
  @Roles('ADMIN', 'AUDITOR', 'OFFICER', 'APPROVER')
  @ApiOperation({ summary: 'History of the close: each day with its status, duration and counts, newest first' })
  @ApiPageResponse(CloseRunDto)
  runs(@CurrentActor() actor: Actor, @Query() q: CloseRunsQueryDto): Promise<Page<CloseRunDto>> {
    return this.close.runs(actor, q);
  }

  @Get('runs/:date')
  @Roles('ADMIN', 'AUDITOR', 'OFFICER', 'APPROVER')
  @ApiOperation({ summary: 'Progress of one day: loans done of total, chunks done and failed with their errors' })
  @ApiOkResponse({ type: CloseRunDetailDto })
  run(@CurrentActor() actor: Actor, @Param() p: RunDateParamDto): Promise<CloseRunDetailDto> {
    return this.close.run(actor, p.date);
  }

  @Post('runs/:date/retry')
  @HttpCode(202)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Retry a FAILED day: its chunks not done run again, then the days through its target' })
  @ApiAcceptedResponse({ type: CloseAcceptedDto, headers: { Location: { description: 'The run’s progress', schema: { type: 'string', maxLength: 64 } } } })
  async retry(
    @CurrentActor() actor: Actor,
    @Param() p: RunDateParamDto,
    @Query() q: CloseWaitQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CloseAnswer['body']> {
    return answer(reply, await this.close.retry(actor, p.date, q.wait ?? 'false'));
  }

  @Post('board-session')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Open a Bull Board session: sets an HttpOnly cookie for /admin/queues (also returned as a bearer token)' })
  @ApiOkResponse({ type: BoardSessionDto })
  async boardSession(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<BoardSessionDto> {
    return withCookie(reply, await this.board.openSession(actor));
  }
}
