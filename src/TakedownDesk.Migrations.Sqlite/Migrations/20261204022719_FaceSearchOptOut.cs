using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TakedownDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FaceSearchOptOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "FaceSearchOptOut",
                table: "RemovalRequests",
                type: "BLOB",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FaceSearchOptOut",
                table: "RemovalRequests");
        }
    }
}
