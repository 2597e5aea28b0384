using TakedownDesk.Domain.Victims.Rules;

namespace TakedownDesk.UnitTests.Victims;

public class ReleaseDirectoryTests
{
    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(2, 2, false)]
    [InlineData(2, 1, true)]
    public void A_release_limited_to_platforms_names_only_platforms_the_directory_has(int named, int inDirectory, bool broken)
    {
        Assert.Equal(broken, new ReleaseNamesDirectoryPlatforms(named, inDirectory).IsBroken());
    }
}
