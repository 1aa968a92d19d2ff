import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { CollateralSettingsDto, LoanCollateralDto } from '../dto/collateral-views.dto.js';
import { UpdateCollateralSettingsDto } from '../dto/collateral-settings.dto.js';
import { CreateGuaranteeDto, GuaranteeDto } from '../dto/guarantee.dto.js';
import { GuaranteesService } from '../services/guarantees.service.js';
import { LoanCollateralService } from '../services/loan-collateral.service.js';

const READERS = ['OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE'] as const;

/** What secures a loan, an application or a borrower (the loan page's Tài sản bảo đảm tab), guarantees and the settings. */
@ApiTags('collateral')
@Controller()
export class LoanCollateralController {
  constructor(
    private readonly collateral: LoanCollateralService,
    private readonly guarantees: GuaranteesService,
  ) {}

  @Get('loans/:id/collateral')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The loan’s assets, allocated values, cover against the product minimum, stale flags and guarantees' })
  @ApiOkResponse({ type: LoanCollateralDto })
  loan(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<LoanCollateralDto> {
    return this.collateral.ofLoan(actor, id);
  }

  @Get('loan-applications/:id/collateral')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The application’s pledged assets and cover against its amount' })
  @ApiOkResponse({ type: LoanCollateralDto })
  application(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<LoanCollateralDto> {
    return this.collateral.ofApplication(actor, id);
  }

  @Post('guarantees')
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Record a guarantee (bảo lãnh) of a borrower’s loans' })
  @ApiCreatedResponse({ type: GuaranteeDto })
  guarantee(@CurrentActor() actor: Actor, @Body() dto: CreateGuaranteeDto): Promise<GuaranteeDto> {
    return this.guarantees.create(actor, dto);
  }

  @Get('borrowers/:id/guarantees')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Guarantees of the borrower’s loans and those it gives' })
  @ApiOkResponse({ type: GuaranteeDto, isArray: true })
  borrowerGuarantees(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<GuaranteeDto[]> {
    return this.guarantees.ofBorrower(actor, id);
  }

  @Get('collateral-settings')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'Revaluation period, expiry warning days, guarantors in the 25% limit' })
  @ApiOkResponse({ type: CollateralSettingsDto })
  settings(): Promise<CollateralSettingsDto> {
    return this.collateral.settings();
  }

  @Put('collateral-settings')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Change the collateral settings' })
  @ApiOkResponse({ type: CollateralSettingsDto })
  updateSettings(@CurrentActor() actor: Actor, @Body() dto: UpdateCollateralSettingsDto): Promise<CollateralSettingsDto> {
    return this.collateral.updateSettings(actor, dto);
  }
}
