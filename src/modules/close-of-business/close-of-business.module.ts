import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { AuditModule } from '../audit/index.js';
import { LoansModule } from '../loans/index.js';
import { BusinessDateModule } from '../business-date/index.js';
import { RiskModule } from '../risk/index.js';
import { CloseOfBusinessController } from './controllers/close-of-business.controller.js';
import { CLOSE_CHUNK_QUEUE, CLOSE_FLOW, CLOSE_QUEUE } from './jobs/close-of-business-queues.js';
import { BullBoardAuth } from './services/bull-board-auth.service.js';
import { CloseChunkService } from './services/close-chunk.service.js';
import { CloseDaySteps } from './services/close-day-steps.service.js';
import { CloseFlowService } from './services/close-flow.service.js';
import { CloseOfBusinessService } from './services/close-of-business.service.js';
import './close-of-business.errors.js';

@Module({
  imports: [
    AuditModule,
    BusinessDateModule,
    LoansModule,
    RiskModule,
    BullModule.registerQueue({ name: CLOSE_QUEUE }, { name: CLOSE_CHUNK_QUEUE }),
    BullModule.registerFlowProducer({ name: CLOSE_FLOW }),
    // Signs the short-lived Bull Board session cookie (audience bull-board), same secret as access tokens.
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  controllers: [CloseOfBusinessController],
  providers: [CloseOfBusinessService, CloseFlowService, CloseChunkService, CloseDaySteps, BullBoardAuth],
  exports: [CloseOfBusinessService, CloseFlowService, CloseChunkService, CloseDaySteps, BullBoardAuth, BullModule],
})
export class CloseOfBusinessModule {}
