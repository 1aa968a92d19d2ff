import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CommuneQueryDto {
  @ApiPropertyOptional({ example: '19', description: 'Province code (Decision 19/2025/QĐ-TTg); the fund’s own province when omitted' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  provinceCode?: string;
}

/** A commune, ward or special zone after the 1 July 2025 arrangement (Decision 19/2025/QĐ-TTg). */
export class CommuneDto {
  @ApiProperty({ example: '19' }) provinceCode: string;
  @ApiProperty({ example: 'Tỉnh Thái Nguyên' }) provinceNameVi: string;
  @ApiProperty({ example: 'Thai Nguyen Province' }) provinceNameEn: string;
  @ApiProperty({ example: '05443' }) code: string;
  @ApiProperty({ example: 'Phường Phan Đình Phùng' }) nameVi: string;
  @ApiProperty({ example: 'Phan Dinh Phung Ward' }) nameEn: string;
  @ApiProperty({ enum: ['xã', 'phường', 'đặc khu'], example: 'phường' }) unit: string;
}

/** An address as written before July 2025, to find the 2025 commune it belongs to now. */
export class FormerCommuneQueryDto {
  @ApiProperty({
    example: 'Xã Tân Lập',
    maxLength: 100,
    description: 'The former commune, ward or township as written ("Xã"/"Phường"/"Thị trấn" optional, with or without diacritics)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({
    example: 'Huyện Chợ Đồn',
    maxLength: 100,
    description:
      'The former district ("Huyện"/"Thị xã"/"Thành phố" optional): tells apart former units of the same name where the correspondence names the district',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  district?: string;

  @ApiPropertyOptional({
    example: 'Bắc Kạn',
    maxLength: 100,
    description: 'The former province (one of the 63 before 2025); the fund’s own 2025 province when omitted',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  province?: string;
}

/** A 2025 commune a former unit went into. */
export class FormerCommuneCandidateDto {
  @ApiProperty({ example: '02038' }) code: string;
  @ApiProperty({ example: 'Xã Quảng Bạch' }) nameVi: string;
  @ApiProperty({ example: 'Quang Bach Commune' }) nameEn: string;
  @ApiProperty({ example: '19' }) provinceCode: string;
  @ApiProperty({ example: 'Xã Tân Lập', description: 'The former unit as the correspondence writes it' }) formerName: string;
  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    description: 'The correspondence’s note on that former unit (its district, or the part merged elsewhere)',
  })
  note: string | null;
  @ApiProperty({ example: false, description: 'Only part of the former unit went into this commune' }) partial: boolean;
}

export class FormerCommuneLookupDto {
  @ApiProperty({ example: '19', description: 'The 2025 province searched' }) provinceCode: string;
  @ApiProperty({
    type: FormerCommuneCandidateDto,
    isArray: true,
    description: 'One when unambiguous; several when the officer has to choose; none when the name is unknown there',
  })
  candidates: FormerCommuneCandidateDto[];
  @ApiProperty({ example: false, description: 'More than one 2025 commune is possible' }) ambiguous: boolean;
}
