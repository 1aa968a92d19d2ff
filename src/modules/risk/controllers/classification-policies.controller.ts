import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, ROLES, Roles, type Actor } from '../../../platform/actor/index.js';
import { ClassificationPolicyDto, PutClassificationPolicyDto } from '../dto/classification-policy.dto.js';
import { ClassificationPoliciesService } from '../services/classification-policies.service.js';

@ApiTags('close-of-business')
@Controller('classification-policies')
export class ClassificationPoliciesController {
  constructor(private readonly policies: ClassificationPoliciesService) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Debt classification policies by effective date (MICROFINANCE by default)' })
  @ApiOkResponse({ type: [ClassificationPolicyDto] })
  list(): Promise<ClassificationPolicyDto[]> {
    return this.policies.list();
  }

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Put a policy template (MICROFINANCE or BANK) in force from an open business date' })
  @ApiOkResponse({ type: ClassificationPolicyDto })
  put(@CurrentActor() actor: Actor, @Body() dto: PutClassificationPolicyDto): Promise<ClassificationPolicyDto> {
    return this.policies.put(actor, dto);
  }
}
