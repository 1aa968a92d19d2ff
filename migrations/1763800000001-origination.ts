import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Origination (issue 3): VSIC sectors, borrowers and their relations, capital sources and
 * their movements, the fund's dated charter capital, versioned loan products, and loan
 * applications with status history, appraisals and document metadata.
 *
 * Hooks for the loans issue (replace with CREATE OR REPLACE VIEW in its migration, same columns):
 *  - borrower_outstanding(borrower_id, outstanding_principal): outstanding principal per borrower (0 rows now);
 *  - capital_source_loan_figures(capital_source_id, disbursed, repaid_principal, outstanding_principal) (0 rows now);
 *  - application_commitments(application_id, borrower_id, capital_source_id, amount): approved amounts not yet
 *    disbursed; today APPROVED applications with contracted_at IS NULL.
 * borrower_exposure(id) and capital_source_figures read only those three views.
 */
export class Origination1763800000001 implements MigrationInterface {
  name = 'Origination1763800000001';

  async up(q: QueryRunner): Promise<void> {
    // domain.md "Borrowers": a sector is (classification version, VSIC section); rows copied from data/vsic-sections.csv.
    await q.query(`
      CREATE TABLE sectors (
        classification_version text NOT NULL CHECK (classification_version IN ('VSIC2018', 'VSIC2025')),
        code text NOT NULL CHECK (code ~ '^[A-Z]$'),
        name_vi text NOT NULL,
        name_en text NOT NULL,
        PRIMARY KEY (classification_version, code)
      )`);
    await q.query(`
      INSERT INTO sectors (classification_version, code, name_vi, name_en) VALUES
        ('VSIC2018', 'A', 'Nông nghiệp, lâm nghiệp và thủy sản', 'Agriculture, forestry and fishing'),
        ('VSIC2018', 'B', 'Khai khoáng', 'Mining and quarrying'),
        ('VSIC2018', 'C', 'Công nghiệp chế biến, chế tạo', 'Manufacturing'),
        ('VSIC2018', 'D', 'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí', 'Electricity, gas, steam and air conditioning supply'),
        ('VSIC2018', 'E', 'Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải', 'Water supply; sewerage, waste management and remediation activities'),
        ('VSIC2018', 'F', 'Xây dựng', 'Construction'),
        ('VSIC2018', 'G', 'Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác', 'Wholesale and retail trade; repair of motor vehicles and motorcycles'),
        ('VSIC2018', 'H', 'Vận tải kho bãi', 'Transportation and storage'),
        ('VSIC2018', 'I', 'Dịch vụ lưu trú và ăn uống', 'Accommodation and food service activities'),
        ('VSIC2018', 'J', 'Thông tin và truyền thông', 'Information and communication'),
        ('VSIC2018', 'K', 'Hoạt động tài chính, ngân hàng và bảo hiểm', 'Financial and insurance activities'),
        ('VSIC2018', 'L', 'Hoạt động kinh doanh bất động sản', 'Real estate activities'),
        ('VSIC2018', 'M', 'Hoạt động chuyên môn, khoa học và công nghệ', 'Professional, scientific and technical activities'),
        ('VSIC2018', 'N', 'Hoạt động hành chính và dịch vụ hỗ trợ', 'Administrative and support service activities'),
        ('VSIC2018', 'O', 'Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc', 'Activities of the Communist Party, socio-political organisations, public administration and defence; compulsory social security'),
        ('VSIC2018', 'P', 'Giáo dục và đào tạo', 'Education'),
        ('VSIC2018', 'Q', 'Y tế và hoạt động trợ giúp xã hội', 'Human health and social work activities'),
        ('VSIC2018', 'R', 'Nghệ thuật, vui chơi và giải trí', 'Arts, entertainment and recreation'),
        ('VSIC2018', 'S', 'Hoạt động dịch vụ khác', 'Other service activities'),
        ('VSIC2018', 'T', 'Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình', 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use'),
        ('VSIC2018', 'U', 'Hoạt động của các tổ chức và cơ quan quốc tế', 'Activities of extraterritorial organisations and bodies'),
        ('VSIC2025', 'A', 'Nông nghiệp, lâm nghiệp và thủy sản', 'Agriculture, forestry and fishing'),
        ('VSIC2025', 'B', 'Khai khoáng', 'Mining and quarrying'),
        ('VSIC2025', 'C', 'Công nghiệp chế biến, chế tạo', 'Manufacturing'),
        ('VSIC2025', 'D', 'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí', 'Electricity, gas, steam and air conditioning supply'),
        ('VSIC2025', 'E', 'Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải', 'Water supply; sewerage, waste management and remediation activities'),
        ('VSIC2025', 'F', 'Xây dựng', 'Construction'),
        ('VSIC2025', 'G', 'Bán buôn và bán lẻ', 'Wholesale and retail trade'),
        ('VSIC2025', 'H', 'Vận tải kho bãi', 'Transportation and storage'),
        ('VSIC2025', 'I', 'Dịch vụ lưu trú và ăn uống', 'Accommodation and food service activities'),
        ('VSIC2025', 'J', 'Hoạt động xuất bản, phát thanh, truyền hình, sản xuất và phân phối nội dung', 'Publishing, broadcasting, and content production and distribution activities'),
        ('VSIC2025', 'K', 'Viễn thông; lập trình máy vi tính, tư vấn, hạ tầng tính toán và dịch vụ thông tin khác', 'Telecommunications, computer programming, consultancy, computing infrastructure and other information service activities'),
        ('VSIC2025', 'L', 'Hoạt động tài chính, ngân hàng và bảo hiểm', 'Financial and insurance activities'),
        ('VSIC2025', 'M', 'Hoạt động kinh doanh bất động sản', 'Real estate activities'),
        ('VSIC2025', 'N', 'Hoạt động chuyên môn, khoa học và công nghệ', 'Professional, scientific and technical activities'),
        ('VSIC2025', 'O', 'Hoạt động hành chính và dịch vụ hỗ trợ', 'Administrative and support service activities'),
        ('VSIC2025', 'P', 'Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc', 'Activities of the Communist Party, socio-political organisations, public administration and defence; compulsory social security'),
        ('VSIC2025', 'Q', 'Giáo dục và đào tạo', 'Education'),
        ('VSIC2025', 'R', 'Y tế và hoạt động trợ giúp xã hội', 'Human health and social work activities'),
        ('VSIC2025', 'S', 'Nghệ thuật, thể thao và giải trí', 'Arts, sports and recreation'),
        ('VSIC2025', 'T', 'Hoạt động dịch vụ khác', 'Other service activities'),
        ('VSIC2025', 'U', 'Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình', 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use'),
        ('VSIC2025', 'V', 'Hoạt động của các tổ chức và cơ quan quốc tế', 'Activities of extraterritorial organisations and bodies')`);
    // Tổ hợp tác (THT): a plain record that a MEMBER can belong to; not a borrower.
    await q.query(`
      CREATE TABLE cooperative_groups (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL,
        province_code text NOT NULL CHECK (province_code ~ '^\\d{2}$'),
        commune_code text NOT NULL CHECK (commune_code ~ '^\\d{5}$'),
        representative text,
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Decree 45 Art. 20: HTX, LHHTX and individual members of an HTX or THT.
    await q.query(`
      CREATE TABLE borrowers (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('COOPERATIVE', 'COOPERATIVE_UNION', 'MEMBER')),
        identity_code text NOT NULL,
        birth_date date,
        legal_name text NOT NULL,
        short_name text,
        legal_representative text,
        phone text,
        email text,
        member_count integer CHECK (member_count >= 0),
        charter_capital numeric(20, 0) CHECK (charter_capital >= 0),
        province_code text NOT NULL CHECK (province_code ~ '^\\d{2}$'),
        commune_code text NOT NULL CHECK (commune_code ~ '^\\d{5}$'),
        sector_version text NOT NULL,
        sector_code text NOT NULL,
        cooperative_id bigint REFERENCES borrowers(id),
        cooperative_group_id bigint REFERENCES cooperative_groups(id),
        active boolean NOT NULL DEFAULT true,
        deactivated_at timestamptz,
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT borrowers_identity_key UNIQUE (type, identity_code),
        CONSTRAINT borrowers_sector_fk FOREIGN KEY (sector_version, sector_code) REFERENCES sectors (classification_version, code),
        CONSTRAINT borrowers_identity_format CHECK (
          (type = 'MEMBER' AND identity_code ~ '^\\d{12}$' AND birth_date IS NOT NULL)
          OR (type <> 'MEMBER' AND identity_code ~ '^\\d{10}(-\\d{3})?$')),
        CONSTRAINT borrowers_member_affiliation CHECK (
          type <> 'MEMBER' OR (cooperative_id IS NOT NULL) <> (cooperative_group_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX borrowers_commune_idx ON borrowers (commune_code)`);
    await q.query(`CREATE INDEX borrowers_sector_idx ON borrowers (sector_version, sector_code)`);
    await q.query(`CREATE INDEX borrowers_name_idx ON borrowers (lower(legal_name) text_pattern_ops)`);
    // Decree 45 Art. 23.2 related persons; one row per unordered pair (low id first).
    await q.query(`
      CREATE TABLE borrower_relations (
        borrower_id bigint NOT NULL REFERENCES borrowers(id),
        related_borrower_id bigint NOT NULL REFERENCES borrowers(id),
        kind text NOT NULL CHECK (kind IN ('SAME_OWNER', 'SAME_LEGAL_REPRESENTATIVE', 'PARENT_COOPERATIVE', 'OTHER')),
        note text,
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (borrower_id, related_borrower_id),
        CHECK (borrower_id < related_borrower_id)
      )`);
    await q.query(`CREATE INDEX borrower_relations_related_idx ON borrower_relations (related_borrower_id)`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_borrower_fk FOREIGN KEY (borrower_id) REFERENCES borrowers(id)`);

    // domain.md "Capital sources": capital changes only through recorded movements.
    await q.query(`
      CREATE TABLE capital_sources (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CHARTER_CAPITAL', 'ENTRUSTED_BUDGET', 'NATIONAL_EMPLOYMENT_FUND', 'OTHER')),
        bears_credit_risk boolean NOT NULL,
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT capital_sources_name_key UNIQUE (name)
      )`);
    await q.query(`
      CREATE TABLE capital_movements (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        capital_source_id bigint NOT NULL REFERENCES capital_sources(id),
        kind text NOT NULL CHECK (kind IN ('ALLOCATION', 'WITHDRAWAL')),
        movement_date date NOT NULL,
        reference text NOT NULL,
        amount numeric(20, 0) NOT NULL CHECK (amount > 0),
        note text,
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX capital_movements_source_idx ON capital_movements (capital_source_id, movement_date, id)`);
    // Paid-in charter capital as a dated setting (Art. 23.2 limits use the value in force on the decision date).
    await q.query(`
      CREATE TABLE fund_charter_capital (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        effective_date date NOT NULL,
        amount numeric(20, 0) NOT NULL CHECK (amount > 0),
        note text,
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fund_charter_capital_date_key UNIQUE (effective_date)
      )`);

    // domain.md "Loan products": a product and its immutable versions; an edit adds a version.
    await q.query(`
      CREATE TABLE loan_products (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        code text NOT NULL,
        current_version integer NOT NULL DEFAULT 1,
        retired_at timestamptz,
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT loan_products_code_key UNIQUE (code)
      )`);
    await q.query(`
      CREATE TABLE loan_product_versions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        product_id bigint NOT NULL REFERENCES loan_products(id),
        version integer NOT NULL,
        name text NOT NULL,
        min_amount numeric(20, 0) NOT NULL CHECK (min_amount > 0),
        max_amount numeric(20, 0) NOT NULL,
        min_term_months integer NOT NULL CHECK (min_term_months > 0),
        max_term_months integer NOT NULL,
        annual_interest_rate_percent numeric(9, 6) NOT NULL CHECK (annual_interest_rate_percent >= 0),
        overdue_multiplier numeric(6, 4) NOT NULL CHECK (overdue_multiplier >= 1 AND overdue_multiplier <= 1.5),
        late_interest_rate_percent numeric(9, 6) NOT NULL CHECK (late_interest_rate_percent >= 0 AND late_interest_rate_percent <= 10),
        principal_frequency text NOT NULL CHECK (principal_frequency IN ('MONTHLY', 'QUARTERLY', 'SEMI_ANNUAL', 'ANNUAL', 'AT_MATURITY')),
        interest_frequency text NOT NULL CHECK (interest_frequency IN ('MONTHLY', 'QUARTERLY', 'SEMI_ANNUAL', 'ANNUAL', 'AT_MATURITY')),
        amortization_method text NOT NULL CHECK (amortization_method IN ('EQUAL_PRINCIPAL', 'ANNUITY', 'BULLET')),
        principal_grace_periods integer NOT NULL CHECK (principal_grace_periods >= 0),
        max_tranches integer NOT NULL CHECK (max_tranches >= 1),
        rounding_unit numeric(20, 0) NOT NULL CHECK (rounding_unit >= 1),
        allocation_order text[] NOT NULL,
        prepayment_mode text NOT NULL CHECK (prepayment_mode IN ('REDUCE_INSTALLMENT', 'SHORTEN_TERM')),
        allowed_borrower_types text[] NOT NULL,
        allowed_sectors text[] NOT NULL,
        collateral_required boolean NOT NULL,
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT loan_product_versions_key UNIQUE (product_id, version),
        CHECK (max_amount >= min_amount),
        CHECK (max_term_months >= min_term_months)
      )`);

    // Applications (hồ sơ vay): the lifecycle is in applications/domain/application-transitions.ts.
    await q.query(`
      CREATE TABLE loan_applications (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        borrower_id bigint NOT NULL REFERENCES borrowers(id),
        product_version_id bigint NOT NULL REFERENCES loan_product_versions(id),
        capital_source_id bigint NOT NULL REFERENCES capital_sources(id),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
        requested_amount numeric(20, 0) NOT NULL CHECK (requested_amount > 0),
        term_months integer NOT NULL CHECK (term_months > 0),
        repayment_frequency text NOT NULL CHECK (repayment_frequency IN ('MONTHLY', 'QUARTERLY', 'SEMI_ANNUAL', 'ANNUAL', 'AT_MATURITY')),
        purpose text NOT NULL,
        sector_version text NOT NULL,
        sector_code text NOT NULL,
        total_investment numeric(20, 0) NOT NULL CHECK (total_investment > 0),
        own_contribution numeric(20, 0) NOT NULL CHECK (own_contribution >= 0),
        collateral_description text,
        collateral_value numeric(20, 0) CHECK (collateral_value >= 0),
        collateral_exempt boolean NOT NULL DEFAULT false,
        collateral_exemption_reason text,
        credit_report_reference text,
        credit_report_date date,
        created_by bigint REFERENCES users(id),
        submitted_by bigint REFERENCES users(id),
        submitted_at timestamptz,
        decided_by bigint REFERENCES users(id),
        decided_at timestamptz,
        decision_date date,
        approved_amount numeric(20, 0) CHECK (approved_amount > 0),
        approved_term_months integer CHECK (approved_term_months > 0),
        approved_rate_percent numeric(9, 6),
        rejection_reason text,
        contracted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT loan_applications_sector_fk FOREIGN KEY (sector_version, sector_code) REFERENCES sectors (classification_version, code),
        CONSTRAINT loan_applications_collateral CHECK (
          (collateral_exempt AND collateral_exemption_reason IS NOT NULL) OR (NOT collateral_exempt AND collateral_description IS NOT NULL AND collateral_value IS NOT NULL)),
        CONSTRAINT loan_applications_approval CHECK (status <> 'APPROVED' OR (approved_amount IS NOT NULL AND approved_term_months IS NOT NULL AND approved_rate_percent IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX loan_applications_borrower_idx ON loan_applications (borrower_id, id)`);
    await q.query(`CREATE INDEX loan_applications_status_idx ON loan_applications (status, id)`);
    await q.query(`
      CREATE TABLE application_status_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        application_id bigint NOT NULL REFERENCES loan_applications(id),
        from_status text,
        to_status text NOT NULL,
        actor_id bigint REFERENCES users(id),
        actor_username text NOT NULL,
        note text,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX application_status_history_app_idx ON application_status_history (application_id, id)`);
    await q.query(`
      CREATE TABLE appraisals (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        application_id bigint NOT NULL REFERENCES loan_applications(id),
        findings text NOT NULL,
        recommended_amount numeric(20, 0) NOT NULL CHECK (recommended_amount > 0),
        recommended_term_months integer NOT NULL CHECK (recommended_term_months > 0),
        recommended_rate_percent numeric(9, 6) NOT NULL,
        risk_rating text NOT NULL CHECK (risk_rating IN ('LOW', 'MEDIUM', 'HIGH')),
        appraised_by bigint NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX appraisals_app_idx ON appraisals (application_id, id)`);
    await q.query(`
      CREATE TABLE application_documents (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        application_id bigint NOT NULL REFERENCES loan_applications(id),
        name text NOT NULL,
        doc_type text NOT NULL,
        checksum_sha256 text NOT NULL CHECK (checksum_sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes bigint CHECK (size_bytes >= 0),
        uploaded_by bigint NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX application_documents_app_idx ON application_documents (application_id, id)`);

    // Hooks the loans issue replaces (same columns): no loans exist yet.
    await q.query(`
      CREATE VIEW borrower_outstanding AS
      SELECT NULL::bigint AS borrower_id, 0::numeric AS outstanding_principal WHERE false`);
    await q.query(`
      CREATE VIEW capital_source_loan_figures AS
      SELECT NULL::bigint AS capital_source_id, 0::numeric AS disbursed, 0::numeric AS repaid_principal, 0::numeric AS outstanding_principal
      WHERE false`);
    await q.query(`
      CREATE VIEW application_commitments AS
      SELECT id AS application_id, borrower_id, capital_source_id, approved_amount AS amount
      FROM loan_applications WHERE status = 'APPROVED' AND contracted_at IS NULL`);
    // Decree 45 Art. 23.2: a customer's outstanding loans plus approved-but-undisbursed amounts.
    await q.query(`
      CREATE FUNCTION borrower_exposure(p_borrower_id bigint) RETURNS numeric LANGUAGE sql STABLE AS $$
        SELECT coalesce((SELECT sum(outstanding_principal) FROM borrower_outstanding WHERE borrower_id = p_borrower_id), 0)
             + coalesce((SELECT sum(amount) FROM application_commitments WHERE borrower_id = p_borrower_id), 0)
      $$`);
    // domain.md "Capital sources": available = capital − outstanding principal; committed is
    // approved-but-undisbursed, which the application availability check also subtracts.
    await q.query(`
      CREATE VIEW capital_source_figures AS
      SELECT s.id AS capital_source_id,
             coalesce(mv.capital, 0) AS capital,
             coalesce(lf.disbursed, 0) AS disbursed,
             coalesce(lf.repaid_principal, 0) AS repaid_principal,
             coalesce(lf.outstanding_principal, 0) AS outstanding_principal,
             coalesce(cm.committed, 0) AS committed,
             coalesce(mv.capital, 0) - coalesce(lf.outstanding_principal, 0) AS available
      FROM capital_sources s
      LEFT JOIN (SELECT capital_source_id, sum(CASE kind WHEN 'ALLOCATION' THEN amount ELSE -amount END) AS capital
                 FROM capital_movements GROUP BY capital_source_id) mv ON mv.capital_source_id = s.id
      LEFT JOIN (SELECT capital_source_id, sum(disbursed) AS disbursed, sum(repaid_principal) AS repaid_principal,
                        sum(outstanding_principal) AS outstanding_principal
                 FROM capital_source_loan_figures GROUP BY capital_source_id) lf ON lf.capital_source_id = s.id
      LEFT JOIN (SELECT capital_source_id, sum(amount) AS committed FROM application_commitments GROUP BY capital_source_id) cm
             ON cm.capital_source_id = s.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW capital_source_figures`);
    await q.query(`DROP FUNCTION borrower_exposure(bigint)`);
    await q.query(`DROP VIEW application_commitments`);
    await q.query(`DROP VIEW capital_source_loan_figures`);
    await q.query(`DROP VIEW borrower_outstanding`);
    await q.query(`DROP TABLE application_documents`);
    await q.query(`DROP TABLE appraisals`);
    await q.query(`DROP TABLE application_status_history`);
    await q.query(`DROP TABLE loan_applications`);
    await q.query(`DROP TABLE loan_product_versions`);
    await q.query(`DROP TABLE loan_products`);
    await q.query(`DROP TABLE fund_charter_capital`);
    await q.query(`DROP TABLE capital_movements`);
    await q.query(`DROP TABLE capital_sources`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_borrower_fk`);
    await q.query(`DROP TABLE borrower_relations`);
    await q.query(`DROP TABLE borrowers`);
    await q.query(`DROP TABLE cooperative_groups`);
    await q.query(`DROP TABLE sectors`);
  }
}
