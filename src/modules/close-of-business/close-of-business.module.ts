import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { AuditModule } from '../audit/index.js';
import { LedgerModule } from '../ledger/index.js';
import { BusinessDateModule } from './business-date.module.js';
import { ClassificationPoliciesController } from './controllers/classification-policies.controller.js';
import { CloseOfBusinessController } from './controllers/close-of-business.controller.js';
import { CLOSE_CHUNK_QUEUE, CLOSE_FLOW, CLOSE_QUEUE } from './jobs/close-of-business-queues.js';
import { BullBoardAuth } from './services/bull-board-auth.service.js';
import { ClassificationPoliciesService } from './services/classification-policies.service.js';
import { CloseChunkService } from './services/close-chunk.service.js';
import { CloseFlowService } from './services/close-flow.service.js';
import { CloseOfBusinessService } from './services/close-of-business.service.js';
import './close-of-business.errors.js';

@Module({
  imports: [
    AuditModule,
    BusinessDateModule,
    LedgerModule,
    BullModule.registerQueue({ name: CLOSE_QUEUE }, { name: CLOSE_CHUNK_QUEUE }),
    BullModule.registerFlowProducer({ name: CLOSE_FLOW }),
    // Signs the short-lived Bull Board session cookie (audience bull-board), same secret as access tokens.
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  controllers: [CloseOfBusinessController, ClassificationPoliciesController],
  providers: [CloseOfBusinessService, CloseFlowService, CloseChunkService, ClassificationPoliciesService, BullBoardAuth],
  exports: [CloseOfBusinessService, CloseFlowService, CloseChunkService, BullBoardAuth, BullModule],
})
export class CloseOfBusinessModule {}
