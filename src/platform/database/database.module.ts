import { Global, Module } from '@nestjs/common';
import { ReplicaReads } from './replica-reads.js';
import { TransactionRunner } from './transaction-runner.js';

@Global()
@Module({ providers: [TransactionRunner, ReplicaReads], exports: [TransactionRunner, ReplicaReads] })
export class DatabaseModule {}
