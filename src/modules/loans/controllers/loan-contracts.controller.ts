import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { CreateContractDto } from '../dto/loan-commands.dto.js';
import { LoanDto } from '../dto/loan-views.dto.js';
import { LoanContractsService } from '../services/loan-contracts.service.js';

@ApiTags('loans')
@Controller('loan-applications')
export class LoanContractsController {
  constructor(private readonly contracts: LoanContractsService) {}

  @Post(':id/contract')
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Turn an APPROVED application into a loan contract (hợp đồng tín dụng)' })
  @ApiCreatedResponse({ type: LoanDto })
  create(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CreateContractDto): Promise<LoanDto> {
    return this.contracts.create(actor, id, dto);
  }
}
