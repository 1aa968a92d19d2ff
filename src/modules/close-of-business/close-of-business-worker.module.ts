import { Module } from '@nestjs/common';
import { CloseOfBusinessModule } from './close-of-business.module.js';
import { CloseWorkersService } from './jobs/close-workers.service.js';

/** The close's workers and scheduler: imported by AppModule in the 'worker' and 'all' roles only. */
@Module({ imports: [CloseOfBusinessModule], providers: [CloseWorkersService] })
export class CloseOfBusinessWorkerModule {}
