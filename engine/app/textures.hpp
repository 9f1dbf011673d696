// Scenario images (PNG, JPEG) decoded with stb_image and uploaded as OpenGL textures, once per path.
// A file that cannot be read gives no texture, and the screen shows the image's description.
#pragma once

#include "widgets.hpp"

#include <map>
#include <optional>
#include <string>

namespace measured::app {

class GlTextures final : public ui::Textures {
public:
    GlTextures() = default;
    GlTextures(const GlTextures&) = delete;
    GlTextures& operator=(const GlTextures&) = delete;
    ~GlTextures() override;

    [[nodiscard]] const ui::Texture* get(const std::string& path) override;

private:
    std::map<std::string, std::optional<ui::Texture>, std::less<>> cache_;
};

}  // namespace measured::app
