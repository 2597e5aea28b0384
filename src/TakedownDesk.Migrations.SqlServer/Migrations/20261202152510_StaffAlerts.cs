using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TakedownDesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class StaffAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StaffAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StepId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StepDueAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    StaffId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseReference = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    RequestReference = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    PlatformName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DeadlineAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    OutboxMessageId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffAlerts_RemovalRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "RemovalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaffAlerts_Key",
                table: "StaffAlerts",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffAlerts_RequestId",
                table: "StaffAlerts",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffAlerts_Waiting",
                table: "StaffAlerts",
                column: "CreatedAtUtc",
                filter: "\"OutboxMessageId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StaffAlerts");
        }
    }
}
