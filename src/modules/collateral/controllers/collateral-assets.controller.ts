import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, type Page } from '../../../platform/http/index.js';
import { Idempotent } from '../../../platform/idempotency/index.js';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import {
  AssetQueryDto,
  CreateAssetDto,
  EnforcementInputDto,
  InsuranceInputDto,
  PledgeInputDto,
  RegistrationInputDto,
  ReleaseProposalDto,
  ValuationInputDto,
} from '../dto/collateral.dto.js';
import { AssetDto, EnforcementDto, ReleaseDto } from '../dto/collateral-views.dto.js';
import { CollateralAssetsService } from '../services/collateral-assets.service.js';
import { CollateralEnforcementService } from '../services/collateral-enforcement.service.js';
import { CollateralReleasesService } from '../services/collateral-releases.service.js';

const READERS = ['OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE'] as const;

/** The register of collateral assets (docs/collateral.md); a cooperative user reads its own borrower's, read-only. */
@ApiTags('collateral')
@Controller('collateral-assets')
export class CollateralAssetsController {
  constructor(
    private readonly assets: CollateralAssetsService,
    private readonly releases: CollateralReleasesService,
    private readonly enforcement: CollateralEnforcementService,
  ) {}

  @Post()
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Register an asset (tài sản bảo đảm) of a borrower’s file, with its identifiers, owner and optionally its first valuation' })
  @ApiCreatedResponse({ type: AssetDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAssetDto): Promise<AssetDto> {
    return this.assets.create(actor, dto);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'List assets, by borrower; a cooperative user sees only its own' })
  @ApiPageResponse(AssetDto)
  list(@CurrentActor() actor: Actor, @Query() q: AssetQueryDto): Promise<Page<AssetDto>> {
    return this.assets.list(actor, q);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One asset with its valuations, pledges, registration, insurance, releases and enforcements' })
  @ApiOkResponse({ type: AssetDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AssetDto> {
    return this.assets.get(actor, id);
  }

  @Post(':id/valuations')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Record a valuation; the latest is the value in force' })
  @ApiOkResponse({ type: AssetDto })
  valuation(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ValuationInputDto): Promise<AssetDto> {
    return this.assets.addValuation(actor, id, dto);
  }

  @Post(':id/registrations')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Record the registration of the security (Decree 99/2022/NĐ-CP)' })
  @ApiOkResponse({ type: AssetDto })
  registration(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RegistrationInputDto): Promise<AssetDto> {
    return this.assets.addRegistration(actor, id, dto);
  }

  @Post(':id/insurances')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Record the insurance of the asset' })
  @ApiOkResponse({ type: AssetDto })
  insurance(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: InsuranceInputDto): Promise<AssetDto> {
    return this.assets.addInsurance(actor, id, dto);
  }

  @Post(':id/pledges')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Pledge the asset to an application or a loan of its borrower with an allocated value (Σ allocations ≤ value in force)' })
  @ApiOkResponse({ type: AssetDto })
  pledge(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: PledgeInputDto): Promise<AssetDto> {
    return this.assets.pledge(actor, id, dto);
  }

  @Post(':id/releases')
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Propose the release of the asset (giải chấp); another user decides' })
  @ApiCreatedResponse({ type: ReleaseDto })
  propose(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReleaseProposalDto): Promise<ReleaseDto> {
    return this.releases.propose(actor, id, dto);
  }

  @Post(':id/enforcements')
  @Roles('OFFICER')
  @Idempotent()
  @ApiOperation({ summary: 'Enforce the asset (xử lý TSBĐ): the proceeds less the costs are posted as a repayment of the secured loan' })
  @ApiCreatedResponse({ type: EnforcementDto })
  enforce(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: EnforcementInputDto): Promise<EnforcementDto> {
    return this.enforcement.enforce(actor, id, dto);
  }
}
