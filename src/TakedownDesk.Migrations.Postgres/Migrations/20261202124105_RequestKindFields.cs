using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TakedownDesk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RequestKindFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GeneratedDocuments_RequestId_Version",
                table: "GeneratedDocuments");

            migrationBuilder.AddColumn<byte[]>(
                name: "ModelReport",
                table: "RemovalRequests",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SearchDelisting",
                table: "RemovalRequests",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "TrainingOptOut",
                table: "RemovalRequests",
                type: "bytea",
                nullable: true);

            // Every document generated before kinds existed is a removal notice.
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "GeneratedDocuments",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "RemovalNotice");

            migrationBuilder.CreateIndex(
                name: "IX_GeneratedDocuments_RequestId_Kind_Version",
                table: "GeneratedDocuments",
                columns: new[] { "RequestId", "Kind", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GeneratedDocuments_RequestId_Kind_Version",
                table: "GeneratedDocuments");

            migrationBuilder.DropColumn(
                name: "ModelReport",
                table: "RemovalRequests");

            migrationBuilder.DropColumn(
                name: "SearchDelisting",
                table: "RemovalRequests");

            migrationBuilder.DropColumn(
                name: "TrainingOptOut",
                table: "RemovalRequests");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "GeneratedDocuments");

            migrationBuilder.CreateIndex(
                name: "IX_GeneratedDocuments_RequestId_Version",
                table: "GeneratedDocuments",
                columns: new[] { "RequestId", "Version" },
                unique: true);
        }
    }
}
