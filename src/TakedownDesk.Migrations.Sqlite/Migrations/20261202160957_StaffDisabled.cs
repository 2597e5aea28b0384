using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TakedownDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StaffDisabled : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DisabledAtUtc",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisabledAtUtc",
                table: "AspNetUsers");
        }
    }
}
