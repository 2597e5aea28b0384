using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TakedownDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EscalationLadder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FollowUpNoticeNeededSinceUtc",
                table: "RemovalRequests");

            migrationBuilder.DropColumn(
                name: "FtcReportNeededSinceUtc",
                table: "RemovalRequests");

            migrationBuilder.AddColumn<string>(
                name: "EscalationPath",
                table: "Platforms",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "Level",
                table: "EscalationSteps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "FollowUpNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VictimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlatformId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Instructions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ContactVerified = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DraftedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    QueuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OutboxMessageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpNotices_RemovalRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "RemovalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FtcReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VictimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlatformId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FtcReferenceNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FiledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NoticesZip = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FtcReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FtcReports_RemovalRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "RemovalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpNotices_CaseId",
                table: "FollowUpNotices",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpNotices_OutboxMessageId",
                table: "FollowUpNotices",
                column: "OutboxMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpNotices_RequestId_Level",
                table: "FollowUpNotices",
                columns: new[] { "RequestId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FtcReports_CaseId",
                table: "FtcReports",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_FtcReports_RequestId",
                table: "FtcReports",
                column: "RequestId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpNotices");

            migrationBuilder.DropTable(
                name: "FtcReports");

            migrationBuilder.DropColumn(
                name: "EscalationPath",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "EscalationSteps");

            migrationBuilder.AddColumn<DateTime>(
                name: "FollowUpNoticeNeededSinceUtc",
                table: "RemovalRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FtcReportNeededSinceUtc",
                table: "RemovalRequests",
                type: "TEXT",
                nullable: true);
        }
    }
}
